using System;
using System.Collections.Generic;

namespace MessageTrace;

/// <summary>Converts message fields to the attribute value types the conventions name.</summary>
public static class TagValues
{
    // Delivery attempts, batch counts and most body sizes are small: their boxes are made once.
    private const int CachedBoxes = 1024;
    private static readonly object[] s_boxes = CreateBoxes();

    // Partition ids and similar small numbers the conventions write as text: their strings are made once.
    private const int CachedTexts = 64;
    private static readonly string[] s_texts = CreateTexts();

    /// <summary><see langword="true"/> as an attribute value, boxed once.</summary>
    public static readonly object True = true;

    /// <summary>
    /// <paramref name="value"/> as an attribute value: a shared box for 0 to 1,023 (an Activity stores
    /// objects), a new one only above.
    /// </summary>
    public static object Int(int value) => (uint)value < CachedBoxes ? s_boxes[value] : value;

    /// <summary><paramref name="value"/> as decimal text (a Kafka partition id): a shared string for 0 to 63.</summary>
    public static string IntText(int value) =>
        (uint)value < CachedTexts ? s_texts[value] : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string[] CreateTexts()
    {
        var texts = new string[CachedTexts];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return texts;
    }

    private static object[] CreateBoxes()
    {
        var boxes = new object[CachedBoxes];
        for (int i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i;
        }

        return boxes;
    }

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

        if (values is IReadOnlyList<string?> list)
        {
            // The common case (RocketMQ keys are a List<string>): one exact-size array, no buffer.
            int count = 0;
            for (int i = 0; i < list.Count; i++)
            {
                count += string.IsNullOrEmpty(list[i]) ? 0 : 1;
            }

            if (count == 0)
            {
                return null;
            }

            var array = new string[count];
            int next = 0;
            for (int i = 0; i < list.Count; i++)
            {
                if (!string.IsNullOrEmpty(list[i]))
                {
                    array[next++] = list[i]!;
                }
            }

            return array;
        }

        List<string>? buffer = null;
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                (buffer ??= new List<string>()).Add(value!);
            }
        }

        return buffer?.ToArray();
    }

    /// <summary>Milliseconds since the Unix epoch, or <see langword="null"/>; an unspecified kind is taken as local, as the client treats it.</summary>
    public static long? EpochMilliseconds(DateTime? value) =>
        value is { } time ? new DateTimeOffset(time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Local)).ToUnixTimeMilliseconds() : null;
}
