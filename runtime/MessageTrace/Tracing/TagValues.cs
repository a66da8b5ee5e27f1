using System;
using System.Collections.Generic;

namespace MessageTrace;

/// <summary>Converts message fields to the attribute value types the conventions name.</summary>
public static class TagValues
{
    /// <summary>
    /// A string array for a string-list attribute (such as RocketMQ keys), or <see langword="null"/>
    /// when there are none. Exporters understand arrays, not lists.
    /// </summary>
    public static string[]? StringArray(IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return null;
        }

        List<string>? list = null;
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                (list ??= new List<string>()).Add(value!);
            }
        }

        return list?.ToArray();
    }

    /// <summary>Milliseconds since the Unix epoch, or <see langword="null"/>; an unspecified kind is taken as local, as the client treats it.</summary>
    public static long? EpochMilliseconds(DateTime? value) =>
        value is { } time ? new DateTimeOffset(time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Local)).ToUnixTimeMilliseconds() : null;
}
