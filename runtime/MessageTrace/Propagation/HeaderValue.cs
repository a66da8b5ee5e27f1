using System;
using System.Diagnostics;
using OpenTelemetry;

namespace MessageTrace;

/// <summary>
/// A header value as a carrier holds it: text, or UTF-8 bytes (RabbitMQ and Kafka deliver header
/// values as <c>byte[]</c>). Wrapping it allocates nothing; parsing reads the bytes in place.
/// </summary>
public readonly struct HeaderValue
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly object? _instance;

    /// <summary>Wraps a text value.</summary>
    public HeaderValue(string? text)
    {
        _text = text;
        _utf8 = default;
        _instance = text;
    }

    /// <summary>Wraps a UTF-8 value held in an array.</summary>
    public HeaderValue(byte[]? utf8)
    {
        _text = null;
        _utf8 = utf8;
        _instance = utf8;
    }

    /// <summary>Wraps a UTF-8 value.</summary>
    public HeaderValue(ReadOnlyMemory<byte> utf8)
    {
        _text = null;
        _utf8 = utf8;
        _instance = null;
    }

    /// <summary>
    /// Wraps a header value of unknown type: a <see cref="string"/>, a <c>byte[]</c> or a
    /// <see cref="ReadOnlyMemory{T}"/> of bytes. Anything else is treated as absent.
    /// </summary>
    public static HeaderValue FromObject(object? raw) => raw switch
    {
        string text => new HeaderValue(text),
        byte[] bytes => new HeaderValue(bytes),
        ReadOnlyMemory<byte> memory => new HeaderValue(memory),
        _ => default,
    };

    /// <summary>Whether there is no value.</summary>
    public bool IsEmpty => _text is null && _utf8.IsEmpty;

    /// <summary>Parses the value as a <c>traceparent</c>.</summary>
    public bool TryParseTraceParent(out ActivityContext context) => _text is not null
        ? TraceParent.TryParse(_text, out context)
        : TraceParent.TryParse(_utf8.Span, out context);

    /// <summary>Returns the value if it is a valid <c>tracestate</c>, else <see langword="null"/>.</summary>
    public string? GetValidTraceState()
    {
        if (_text is not null)
        {
            return _text.Length > 0 && TraceState.IsValid(_text.AsSpan()) ? _text : null;
        }

#if NET8_0_OR_GREATER
        // ASCII checked first (vectorized), so decoding cannot replace a byte; the string the context needs is
        // then validated once, instead of widening the bytes into a buffer, validating that and decoding again.
        // An invalid value costs its string, but only after a valid traceparent was found.
        if (_utf8.IsEmpty || _utf8.Length > TraceState.MaxLength || !System.Text.Ascii.IsValid(_utf8.Span))
        {
            return null;
        }

        string text = Decode(System.Text.Encoding.ASCII);
        return TraceState.IsValid(text.AsSpan()) ? text : null;
#else
        return !_utf8.IsEmpty && TraceState.IsValid(_utf8.Span) ? Decode(System.Text.Encoding.ASCII) : null;
#endif
    }

    /// <summary>Parses the value as a <c>baggage</c> header.</summary>
    public bool TryParseBaggage(out Baggage baggage) => _text is not null
        ? BaggageHeader.TryParse(_text, out baggage)
        : BaggageHeader.TryParse(_utf8.Span, out baggage);

    /// <summary>The value as text; decodes (and allocates) when it is held as bytes.</summary>
    public override string? ToString() => _text ?? (_utf8.IsEmpty ? null : Decode(System.Text.Encoding.UTF8));

    /// <summary>Decodes the bytes in place when they sit in an array (header values always do), copying only otherwise.</summary>
    private string Decode(System.Text.Encoding encoding) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(_utf8, out var segment) && segment.Array is not null
            ? encoding.GetString(segment.Array, segment.Offset, segment.Count)
            : encoding.GetString(_utf8.ToArray());

    /// <summary>The object the value was read from (a string or byte array), when it came from one.</summary>
    internal object? Instance => _instance;

    /// <summary>Whether the value is this exact object (used to recognise a value MessageTrace wrote).</summary>
    internal bool IsSameInstance(object? written) => written is not null && ReferenceEquals(_instance, written);
}
