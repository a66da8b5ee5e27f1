using System;

namespace MessageTrace;

/// <summary>Validates the W3C <c>tracestate</c> header.</summary>
/// <remarks>
/// A valid value is a comma-separated list of at most 32 <c>key=value</c> members (empty members and
/// optional white space allowed), keys unique, simple keys of lowercase letters, digits and
/// <c>_ - * /</c> up to 256 characters or multi-tenant keys <c>tenant@system</c>, values of printable
/// ASCII without <c>,</c> and <c>=</c> up to 256 characters not ending in a space. A value longer
/// than 512 characters is treated as invalid rather than truncated: a receiver that cannot pass it on
/// whole drops it, and the trace still continues through <c>traceparent</c>.
/// </remarks>
public static class TraceState
{
    /// <summary>Longest <c>tracestate</c> accepted.</summary>
    public const int MaxLength = 512;

    /// <summary>Most list members accepted.</summary>
    public const int MaxMembers = 32;

    /// <summary>Returns whether <paramref name="value"/> is a valid <c>tracestate</c>.</summary>
    public static bool IsValid(string? value) => value is not null && IsValid(value.AsSpan());

    /// <summary>Returns whether <paramref name="value"/> is a valid <c>tracestate</c>.</summary>
    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength)
        {
            return false;
        }

        int members = 0;
        int position = 0;
        while (position <= value.Length)
        {
            int comma = value.Slice(position).IndexOf(',');
            int end = comma < 0 ? value.Length : position + comma;
            var member = HeaderText.Trim(value.Slice(position, end - position));
            if (!member.IsEmpty)
            {
                if (++members > MaxMembers || !IsValidMember(member, out var key))
                {
                    return false;
                }

                if (ContainsKeyBefore(value, position, key))
                {
                    return false;
                }
            }

            if (comma < 0)
            {
                break;
            }

            position = end + 1;
        }

        return true;
    }

    /// <summary>Returns whether the UTF-8 <paramref name="value"/> is a valid <c>tracestate</c>.</summary>
    public static bool IsValid(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[value.Length];
        if (!HeaderText.TryCopyAscii(value, chars))
        {
            return false;
        }

        return IsValid((ReadOnlySpan<char>)chars);
    }

    private static bool IsValidMember(ReadOnlySpan<char> member, out ReadOnlySpan<char> key)
    {
        int equals = member.IndexOf('=');
        if (equals <= 0)
        {
            key = default;
            return false;
        }

        key = member.Slice(0, equals);
        return IsValidKey(key) && IsValidValue(member.Slice(equals + 1));
    }

    private static bool IsValidKey(ReadOnlySpan<char> key)
    {
        int at = key.IndexOf('@');
        if (at < 0)
        {
            return key.Length <= 256 && IsLowerAlpha(key[0]) && AllKeyChars(key.Slice(1));
        }

        var tenant = key.Slice(0, at);
        var system = key.Slice(at + 1);
        return tenant.Length is >= 1 and <= 241
            && (IsLowerAlpha(tenant[0]) || IsDigit(tenant[0]))
            && AllKeyChars(tenant.Slice(1))
            && system.Length is >= 1 and <= 14
            && IsLowerAlpha(system[0])
            && AllKeyChars(system.Slice(1));
    }

#if NET8_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<char> s_keyChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_-*/");

    // Printable ASCII (0x20 to 0x7E) except ',' and '='; a value's last character is checked apart.
    private static readonly System.Buffers.SearchValues<char> s_valueChars = System.Buffers.SearchValues.Create(ValueChars());

    private static bool AllKeyChars(ReadOnlySpan<char> chars) => chars.IndexOfAnyExcept(s_keyChars) < 0;

    private static bool AllValueChars(ReadOnlySpan<char> chars) => chars.IndexOfAnyExcept(s_valueChars) < 0;

    private static string ValueChars()
    {
        var chars = new System.Text.StringBuilder();
        for (char c = ' '; c <= '~'; c++)
        {
            if (c is not (',' or '='))
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
#else
    private static bool AllValueChars(ReadOnlySpan<char> chars)
    {
        foreach (char c in chars)
        {
            if (c < 0x20 || c > 0x7E || c == ',' || c == '=')
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllKeyChars(ReadOnlySpan<char> chars)
    {
        foreach (char c in chars)
        {
            if (!(IsLowerAlpha(c) || IsDigit(c) || c == '_' || c == '-' || c == '*' || c == '/'))
            {
                return false;
            }
        }

        return true;
    }
#endif

    private static bool IsValidValue(ReadOnlySpan<char> value) =>
        value.Length is > 0 and <= 256 && value[value.Length - 1] != ' ' && AllValueChars(value);

    private static bool ContainsKeyBefore(ReadOnlySpan<char> value, int end, ReadOnlySpan<char> key)
    {
        var before = value.Slice(0, end);
        while (!before.IsEmpty)
        {
            int comma = before.IndexOf(',');
            var member = HeaderText.Trim(comma < 0 ? before : before.Slice(0, comma));
            int equals = member.IndexOf('=');
            if (equals > 0 && member.Slice(0, equals).SequenceEqual(key))
            {
                return true;
            }

            before = comma < 0 ? default : before.Slice(comma + 1);
        }

        return false;
    }

    private static bool IsLowerAlpha(char c) => c >= 'a' && c <= 'z';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
