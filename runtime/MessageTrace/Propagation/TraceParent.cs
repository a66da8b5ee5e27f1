using System;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// Parses and formats the W3C <c>traceparent</c> header
/// (<c>version-traceid-parentid-flags</c>, e.g. <c>00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01</c>).
/// </summary>
/// <remarks>
/// Parsing follows the W3C Trace Context rules for a receiver: lowercase hex only, version <c>ff</c>,
/// all-zero ids and wrong lengths are rejected; a higher version is accepted when its first four
/// fields parse and anything after them starts with <c>-</c>. Optional white space around the value
/// is tolerated, as HTTP receivers do. Invalid input returns <see langword="false"/>; nothing here
/// throws and nothing allocates unless the value is valid (the ids of an
/// <see cref="ActivityContext"/> are strings).
/// </remarks>
public static class TraceParent
{
    /// <summary>Length of a version-00 <c>traceparent</c>.</summary>
    public const int Length = 55;

    private const int TraceIdOffset = 3;
    private const int SpanIdOffset = 36;
    private const int FlagsOffset = 53;

    /// <summary>Parses a <c>traceparent</c> value; <see langword="null"/> is invalid.</summary>
    public static bool TryParse(string? value, out ActivityContext context)
    {
        if (value is null)
        {
            context = default;
            return false;
        }

        return TryParse(value.AsSpan(), out context);
    }

    /// <summary>Parses a <c>traceparent</c> value held as characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out ActivityContext context)
    {
        context = default;
        value = HeaderText.Trim(value);
        if (!HasValidShape(value))
        {
            return false;
        }

        var traceId = value.Slice(TraceIdOffset, 32);
        var spanId = value.Slice(SpanIdOffset, 16);
        var flags = (ActivityTraceFlags)(HexValue(value[FlagsOffset]) * 16 + HexValue(value[FlagsOffset + 1]));
        context = new ActivityContext(
            ActivityTraceId.CreateFromString(traceId),
            ActivitySpanId.CreateFromString(spanId),
            flags & ActivityTraceFlags.Recorded,
            traceState: null,
            isRemote: true);
        return true;
    }

    /// <summary>
    /// Parses a <c>traceparent</c> value held as UTF-8 bytes, as RabbitMQ and Kafka headers arrive,
    /// without decoding it to a string first.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out ActivityContext context)
    {
        context = default;
        utf8 = HeaderText.Trim(utf8);

        // Only the first 55 characters carry data; a longer value is valid only for a future
        // version and only when the next character is '-', so copy the prefix and check that one.
        if (utf8.Length < Length || (utf8.Length > Length && utf8[Length] != (byte)'-'))
        {
            return false;
        }

        Span<char> chars = stackalloc char[Length];
        if (!HeaderText.TryCopyAscii(utf8.Slice(0, Length), chars))
        {
            return false;
        }

        if (utf8.Length > Length && chars[0] == '0' && chars[1] == '0')
        {
            return false;
        }

        return TryParse((ReadOnlySpan<char>)chars, out context);
    }

    /// <summary>Formats <paramref name="context"/> as a version-00 <c>traceparent</c> string.</summary>
    public static string Format(in ActivityContext context)
    {
#if NET
        return string.Create(Length, context, static (span, ctx) => Write(ctx, span));
#else
        Span<char> chars = stackalloc char[Length];
        Write(context, chars);
        return chars.ToString();
#endif
    }

    /// <summary>Formats <paramref name="context"/> as a version-00 <c>traceparent</c> in UTF-8 bytes.</summary>
    public static byte[] FormatUtf8(in ActivityContext context)
    {
        var bytes = new byte[Length];
        TryFormatUtf8(context, bytes, out _);
        return bytes;
    }

    /// <summary>Writes the <c>traceparent</c> characters into <paramref name="destination"/>.</summary>
    public static bool TryFormat(in ActivityContext context, Span<char> destination, out int charsWritten)
    {
        if (destination.Length < Length)
        {
            charsWritten = 0;
            return false;
        }

        Write(context, destination);
        charsWritten = Length;
        return true;
    }

    /// <summary>Writes the <c>traceparent</c> as UTF-8 bytes into <paramref name="destination"/>.</summary>
    public static bool TryFormatUtf8(in ActivityContext context, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < Length)
        {
            bytesWritten = 0;
            return false;
        }

        // Straight from the ids' hex strings (which an Activity's context already holds) into the bytes.
        destination[0] = (byte)'0';
        destination[1] = (byte)'0';
        destination[2] = (byte)'-';
        Narrow(context.TraceId.ToHexString(), destination.Slice(TraceIdOffset, 32));
        destination[35] = (byte)'-';
        Narrow(context.SpanId.ToHexString(), destination.Slice(SpanIdOffset, 16));
        destination[52] = (byte)'-';
        destination[FlagsOffset] = (byte)'0';
        destination[FlagsOffset + 1] = (context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? (byte)'1' : (byte)'0';
        bytesWritten = Length;
        return true;
    }

    // Lowercase hex digits are ASCII: each char is its own byte.
    private static void Narrow(string hex, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)hex[i];
        }
    }

    private static void Write(in ActivityContext context, Span<char> destination)
    {
        destination[0] = '0';
        destination[1] = '0';
        destination[2] = '-';
        context.TraceId.ToHexString().AsSpan().CopyTo(destination.Slice(TraceIdOffset, 32));
        destination[35] = '-';
        context.SpanId.ToHexString().AsSpan().CopyTo(destination.Slice(SpanIdOffset, 16));
        destination[52] = '-';
        destination[FlagsOffset] = '0';
        destination[FlagsOffset + 1] = (context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? '1' : '0';
    }

    private static bool HasValidShape(ReadOnlySpan<char> value)
    {
        if (value.Length < Length)
        {
            return false;
        }

        if (!IsLowerHex(value[0]) || !IsLowerHex(value[1]))
        {
            return false;
        }

        bool versionZero = value[0] == '0' && value[1] == '0';
        if (value[0] == 'f' && value[1] == 'f')
        {
            return false;
        }

        // Version 00 is exactly 55 characters; later versions may append fields after a '-'.
        if (value.Length > Length && (versionZero || value[Length] != '-'))
        {
            return false;
        }

        if (value[2] != '-' || value[35] != '-' || value[52] != '-')
        {
            return false;
        }

        return IsNonZeroLowerHex(value.Slice(TraceIdOffset, 32))
            && IsNonZeroLowerHex(value.Slice(SpanIdOffset, 16))
            && IsLowerHex(value[FlagsOffset])
            && IsLowerHex(value[FlagsOffset + 1]);
    }

    private static bool IsNonZeroLowerHex(ReadOnlySpan<char> value)
    {
        bool nonZero = false;
        foreach (char c in value)
        {
            if (!IsLowerHex(c))
            {
                return false;
            }

            nonZero |= c != '0';
        }

        return nonZero;
    }

    private static bool IsLowerHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');

    private static int HexValue(char c) => c <= '9' ? c - '0' : c - 'a' + 10;
}
