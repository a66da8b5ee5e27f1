using System.Globalization;

namespace MessageTrace.Analyzers;

/// <summary>
/// Checks a <c>Destination</c> option: a low-cardinality name or template used in span names
/// (<c>orders</c>, <c>orders.{region}</c>). Placeholders are braces around a non-empty name, never nested.
/// </summary>
internal static class DestinationTemplate
{
    /// <summary>What is wrong with <paramref name="value"/> (completing "not a valid destination template: …"), or null.</summary>
    public static string? Problem(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "it is empty";
        }

        int open = -1;
        for (int i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '{' when open >= 0:
                    return "the '{' at position " + Position(i) + " opens a placeholder inside another";
                case '{':
                    open = i;
                    break;
                case '}' when open < 0:
                    return "the '}' at position " + Position(i) + " closes no placeholder";
                case '}' when i == open + 1:
                    return "the placeholder at position " + Position(open) + " has no name";
                case '}':
                    open = -1;
                    break;
            }
        }

        return open >= 0 ? "the '{' at position " + Position(open) + " is never closed" : null;
    }

    private static string Position(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
