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

#if NET
        // The common value, exactly one version-00 traceparent: .NET's own parser checks every character once
        // and builds the ids from it. It leaves the separators unchecked, so they are checked here.
        if (value.Length == Length && value[2] == '-' && value[35] == '-' && value[52] == '-')
        {
            if (!ActivityContext.TryParse(value, traceState: null, isRemote: true, out context))
            {
                return false;
            }

            context = new ActivityContext(context.TraceId, context.SpanId, context.TraceFlags & ActivityTraceFlags.Recorded, traceState: null, isRemote: true);
            return true;
        }
#endif

        return TryParse(value.AsSpan(), out context);
    }

    /// <summary>Parses a <c>traceparent</c> value held as characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out ActivityContext context)
    {
        context = default;
        value = HeaderText.Trim(value);
        if (!HasValidLength(value.Length, value.Length > Length ? value[Length] : '\0'))
        {
            return false;
        }

        // Every character of a valid value is ASCII: narrowed, it is parsed as the bytes a header arrives in.
        Span<byte> ascii = stackalloc byte[Length];
        return HeaderText.TryNarrowAscii(value.Slice(0, Length), ascii)
            && TraceParentReader.TryRead(ascii, hasMoreFields: value.Length > Length, out context);
    }

    /// <summary>
    /// Parses a <c>traceparent</c> value held as UTF-8 bytes, as RabbitMQ and Kafka headers arrive,
    /// without decoding it to a string first.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out ActivityContext context)
    {
        context = default;
        utf8 = HeaderText.Trim(utf8);
        return HasValidLength(utf8.Length, utf8.Length > Length ? (char)utf8[Length] : '\0')
            && TraceParentReader.TryRead(utf8.Slice(0, Length), hasMoreFields: utf8.Length > Length, out context);
    }

    // Only the first 55 characters carry data; a longer value is valid only for a future version (checked
    // by the reader) and only when the next character is '-'.
    private static bool HasValidLength(int length, char afterFields) =>
        length == Length || (length > Length && afterFields == '-');

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
#if NET8_0_OR_GREATER
        // Vectorized narrowing; an id's hex string is always ASCII, so this cannot fall short.
        System.Text.Ascii.FromUtf16(hex.AsSpan(0, destination.Length), destination, out _);
#else
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)hex[i];
        }
#endif
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
}
