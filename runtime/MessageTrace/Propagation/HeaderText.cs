using System;

namespace MessageTrace;

/// <summary>Character rules shared by the header codecs.</summary>
internal static class HeaderText
{
    /// <summary>Removes optional white space (space, tab) around a header value.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> value)
    {
        int start = 0;
        int end = value.Length;
        while (start < end && IsOptionalWhiteSpace(value[start]))
        {
            start++;
        }

        while (end > start && IsOptionalWhiteSpace(value[end - 1]))
        {
            end--;
        }

        return value.Slice(start, end - start);
    }

    /// <summary>Removes optional white space (space, tab) around a UTF-8 header value.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        int start = 0;
        int end = value.Length;
        while (start < end && IsOptionalWhiteSpace((char)value[start]))
        {
            start++;
        }

        while (end > start && IsOptionalWhiteSpace((char)value[end - 1]))
        {
            end--;
        }

        return value.Slice(start, end - start);
    }

    /// <summary>
    /// Copies ASCII bytes into <paramref name="destination"/>; returns <see langword="false"/> on any
    /// non-ASCII byte, which no trace header may contain.
    /// </summary>
    public static bool TryCopyAscii(ReadOnlySpan<byte> source, Span<char> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            byte b = source[i];
            if (b > 0x7F)
            {
                return false;
            }

            destination[i] = (char)b;
        }

        return true;
    }

    /// <summary>
    /// Narrows ASCII characters into <paramref name="destination"/>; returns <see langword="false"/> on any
    /// character outside ASCII, which no trace header may contain.
    /// </summary>
    public static bool TryNarrowAscii(ReadOnlySpan<char> source, Span<byte> destination)
    {
#if NET8_0_OR_GREATER
        return System.Text.Ascii.FromUtf16(source, destination, out int written) == System.Buffers.OperationStatus.Done
            && written == source.Length;
#else
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c > 0x7F)
            {
                return false;
            }

            destination[i] = (byte)c;
        }

        return true;
#endif
    }

    private static bool IsOptionalWhiteSpace(char c) => c == ' ' || c == '\t';
}
