using System;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// Reads the four fields of a <c>traceparent</c> from its first 55 ASCII characters, in one pass: every hex
/// digit is checked and decoded at once, and the ids are built from the decoded bytes.
/// </summary>
/// <remarks>
/// Validating the characters and then handing them to <c>ActivityTraceId.CreateFromString</c> would check
/// every character twice (the framework validates again, one character at a time); building the ids from
/// bytes needs no check and encodes them back to the same lowercase hex. This halves the cost of reading a
/// header that arrives as UTF-8 bytes (RabbitMQ, Kafka, byte-valued carriers).
/// </remarks>
internal static class TraceParentReader
{
    private const int VersionOffset = 0;
    private const int TraceIdOffset = 3;
    private const int SpanIdOffset = 36;
    private const int FlagsOffset = 53;

    // Lowercase hex digit values; 0xFF for every other byte (uppercase hex, non-ASCII included).
    private static readonly byte[] s_hexValues = CreateHexValues();

    /// <summary>
    /// Reads <paramref name="fields"/>, exactly <see cref="TraceParent.Length"/> bytes; <paramref name="hasMoreFields"/>
    /// says the value went on past them (after a <c>-</c>), which only a version above 00 may do.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> fields, bool hasMoreFields, out ActivityContext context)
    {
        context = default;
        if (fields.Length != TraceParent.Length || fields[2] != '-' || fields[35] != '-' || fields[52] != '-')
        {
            return false;
        }

        // version (1 byte), trace id (16), parent id (8), flags (1)
        Span<byte> decoded = stackalloc byte[26];
        if (!TryDecode(fields.Slice(VersionOffset, 2), decoded.Slice(0, 1))
            || !TryDecode(fields.Slice(TraceIdOffset, 32), decoded.Slice(1, 16))
            || !TryDecode(fields.Slice(SpanIdOffset, 16), decoded.Slice(17, 8))
            || !TryDecode(fields.Slice(FlagsOffset, 2), decoded.Slice(25, 1)))
        {
            return false;
        }

        byte version = decoded[0];
        var traceId = decoded.Slice(1, 16);
        var spanId = decoded.Slice(17, 8);
        if (version == 0xFF || (version == 0 && hasMoreFields) || IsAllZero(traceId) || IsAllZero(spanId))
        {
            return false;
        }

        context = new ActivityContext(
            ActivityTraceId.CreateFromBytes(traceId),
            ActivitySpanId.CreateFromBytes(spanId),
            (ActivityTraceFlags)decoded[25] & ActivityTraceFlags.Recorded,
            traceState: null,
            isRemote: true);
        return true;
    }

    private static bool TryDecode(ReadOnlySpan<byte> hex, Span<byte> bytes)
    {
        var values = s_hexValues;
        int invalid = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            int high = values[hex[2 * i]];
            int low = values[hex[(2 * i) + 1]];
            invalid |= high | low;
            bytes[i] = (byte)((high << 4) | low);
        }

        // A digit's value fits in four bits; 0xFF marks anything else.
        return (invalid & 0xF0) == 0;
    }

    private static bool IsAllZero(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] CreateHexValues()
    {
        var values = new byte[256];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i switch
            {
                >= '0' and <= '9' => (byte)(i - '0'),
                >= 'a' and <= 'f' => (byte)(i - 'a' + 10),
                _ => 0xFF,
            };
        }

        return values;
    }
}
