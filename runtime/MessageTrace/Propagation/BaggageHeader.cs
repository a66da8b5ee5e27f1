using System;
using System.Collections.Generic;
using System.Text;
using OpenTelemetry;

namespace MessageTrace;

/// <summary>Parses and formats the W3C <c>baggage</c> header into OpenTelemetry <see cref="Baggage"/>.</summary>
/// <remarks>
/// Limits follow the W3C Baggage specification as OpenTelemetry .NET applies them: at most 180 list
/// members and 8192 characters. A header over a limit, or with a member whose key is not a token, is
/// ignored whole; values are percent-decoded and member properties (after <c>;</c>) are dropped, since
/// <see cref="Baggage"/> cannot hold them.
/// </remarks>
public static class BaggageHeader
{
    /// <summary>Longest header accepted or written.</summary>
    public const int MaxLength = 8192;

    /// <summary>Most list members accepted or written.</summary>
    public const int MaxMembers = 180;

    /// <summary>Parses a <c>baggage</c> header.</summary>
    public static bool TryParse(string? value, out Baggage baggage)
    {
        baggage = default;
        return value is not null && TryParse(value.AsSpan(), out baggage);
    }

    /// <summary>Parses a <c>baggage</c> header held as UTF-8 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Baggage baggage)
    {
        baggage = default;
        if (utf8.Length > MaxLength)
        {
            return false;
        }

        Span<char> chars = utf8.Length <= 512 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        if (!HeaderText.TryCopyAscii(utf8, chars))
        {
            return false;
        }

        return TryParse((ReadOnlySpan<char>)chars, out baggage);
    }

    /// <summary>Parses a <c>baggage</c> header.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out Baggage baggage)
    {
        baggage = default;
        if (value.Length > MaxLength)
        {
            return false;
        }

        Dictionary<string, string>? entries = null;
        int members = 0;
        while (true)
        {
            int comma = value.IndexOf(',');
            var member = HeaderText.Trim(comma < 0 ? value : value.Slice(0, comma));
            if (!member.IsEmpty)
            {
                if (++members > MaxMembers || !TryParseMember(member, out var key, out var decoded))
                {
                    return false;
                }

                entries ??= new Dictionary<string, string>(StringComparer.Ordinal);
                entries[key] = decoded;
            }

            if (comma < 0)
            {
                break;
            }

            value = value.Slice(comma + 1);
        }

        if (entries is null)
        {
            return false;
        }

        baggage = Baggage.Create(entries);
        return true;
    }

    /// <summary>
    /// Formats <paramref name="baggage"/> as a header value, or returns <see langword="null"/> when it
    /// is empty. Members whose key is not a token are left out; values are percent-encoded.
    /// </summary>
    public static string? Format(Baggage baggage)
    {
        if (baggage.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        int members = 0;
        foreach (var entry in baggage)
        {
            if (string.IsNullOrEmpty(entry.Key) || !IsToken(entry.Key.AsSpan()) || members == MaxMembers)
            {
                continue;
            }

            string encoded = Uri.EscapeDataString(entry.Value ?? string.Empty);
            int added = (builder.Length == 0 ? 0 : 1) + entry.Key.Length + 1 + encoded.Length;
            if (builder.Length + added > MaxLength)
            {
                break;
            }

            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(entry.Key).Append('=').Append(encoded);
            members++;
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    private static bool TryParseMember(ReadOnlySpan<char> member, out string key, out string value)
    {
        key = string.Empty;
        value = string.Empty;
        int semicolon = member.IndexOf(';');
        if (semicolon >= 0)
        {
            member = member.Slice(0, semicolon);
        }

        int equals = member.IndexOf('=');
        if (equals <= 0)
        {
            return false;
        }

        var rawKey = HeaderText.Trim(member.Slice(0, equals));
        var rawValue = HeaderText.Trim(member.Slice(equals + 1));
        if (rawKey.IsEmpty || !IsToken(rawKey) || !IsBaggageValue(rawValue))
        {
            return false;
        }

        key = rawKey.ToString();
        try
        {
            value = Uri.UnescapeDataString(rawValue.ToString());
        }
        catch (UriFormatException)
        {
            return false;
        }

        return true;
    }

    private static bool IsToken(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBaggageValue(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            // baggage-octet: printable ASCII except space, '"', ',', ';' and '\'.
            if (c < 0x21 || c > 0x7E || c == '"' || c == ',' || c == ';' || c == '\\')
            {
                return false;
            }
        }

        return true;
    }

}
