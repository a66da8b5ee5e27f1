using System.Collections.Generic;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// The adapter of a send whose <c>[MessageHeaders]</c> parameter is a string-valued header dictionary: the
/// destination comes from a parameter, the context is written as text.
/// </summary>
public readonly struct StringHeadersOutgoing : IOutgoingMessage
{
    private readonly IDictionary<string, string>? _headers;

    /// <summary>Wraps the headers of one send.</summary>
    public StringHeadersOutgoing(string? destination, IDictionary<string, string>? headers) => (Destination, _headers) = (destination, headers);

    /// <inheritdoc />
    public bool HasMessage => _headers is not null;

    /// <inheritdoc />
    public string? Destination { get; }

    /// <inheritdoc />
    public object? Headers => _headers;

    /// <inheritdoc />
    public bool SharesHeaders => false;

    /// <inheritdoc />
    public bool PrefersUtf8 => false;

    /// <inheritdoc />
    public bool CanWrite => default(StringDictionaryHeaders).CanWrite(_headers);

    /// <inheritdoc />
    public void PrepareHeaders()
    {
    }

    /// <inheritdoc />
    public bool TryRead(string name, out HeaderValue value) => default(StringDictionaryHeaders).TryRead(_headers, name, out value);

    /// <inheritdoc />
    public void Write(string name, string value) => default(StringDictionaryHeaders).Write(_headers, name, value);

    /// <inheritdoc />
    public void WriteUtf8(string name, byte[] value) => default(StringDictionaryHeaders).WriteUtf8(_headers, name, value);

    /// <inheritdoc />
    public bool IsWrittenByMessageTrace(string ourKey) => default(StringDictionaryHeaders).IsWrittenByMessageTrace(_headers, ourKey);

    /// <inheritdoc />
    public void Remove(string name) => default(StringDictionaryHeaders).Remove(_headers, name);

    /// <inheritdoc />
    public bool TryCopy() => false;

    /// <inheritdoc />
    public void RecordAttributes(Activity activity, MessagingSite site)
    {
    }

    /// <inheritdoc />
    public void RecordResult<TResult>(Activity activity, TResult result)
    {
    }
}

/// <summary>
/// The adapter of a send whose <c>[MessageHeaders]</c> parameter is an object-valued header dictionary: the
/// context is written as UTF-8 bytes.
/// </summary>
public readonly struct ObjectHeadersOutgoing : IOutgoingMessage
{
    private readonly IDictionary<string, object?>? _headers;

    /// <summary>Wraps the headers of one send.</summary>
    public ObjectHeadersOutgoing(string? destination, IDictionary<string, object?>? headers) => (Destination, _headers) = (destination, headers);

    /// <inheritdoc />
    public bool HasMessage => _headers is not null;

    /// <inheritdoc />
    public string? Destination { get; }

    /// <inheritdoc />
    public object? Headers => _headers;

    /// <inheritdoc />
    public bool SharesHeaders => false;

    /// <inheritdoc />
    public bool PrefersUtf8 => true;

    /// <inheritdoc />
    public bool CanWrite => default(ObjectDictionaryHeaders).CanWrite(_headers);

    /// <inheritdoc />
    public void PrepareHeaders()
    {
    }

    /// <inheritdoc />
    public bool TryRead(string name, out HeaderValue value) => default(ObjectDictionaryHeaders).TryRead(_headers, name, out value);

    /// <inheritdoc />
    public void Write(string name, string value) => default(ObjectDictionaryHeaders).Write(_headers, name, value);

    /// <inheritdoc />
    public void WriteUtf8(string name, byte[] value) => default(ObjectDictionaryHeaders).WriteUtf8(_headers, name, value);

    /// <inheritdoc />
    public bool IsWrittenByMessageTrace(string ourKey) => default(ObjectDictionaryHeaders).IsWrittenByMessageTrace(_headers, ourKey);

    /// <inheritdoc />
    public void Remove(string name) => default(ObjectDictionaryHeaders).Remove(_headers, name);

    /// <inheritdoc />
    public bool TryCopy() => false;

    /// <inheritdoc />
    public void RecordAttributes(Activity activity, MessagingSite site)
    {
    }

    /// <inheritdoc />
    public void RecordResult<TResult>(Activity activity, TResult result)
    {
    }
}

/// <summary>The adapter of a handler whose <c>[MessageHeaders]</c> parameter is a string-valued header dictionary.</summary>
public readonly struct StringHeadersIncoming : IIncomingMessages<IDictionary<string, string>?>
{
    /// <inheritdoc />
    public bool TryRead(IDictionary<string, string>? carrier, string name, out HeaderValue value) => default(StringDictionaryHeaders).TryRead(carrier, name, out value);

    /// <inheritdoc />
    public string? Destination(IDictionary<string, string>? message) => null;

    /// <inheritdoc />
    public string? MessageId(IDictionary<string, string>? message) => null;

    /// <inheritdoc />
    public void RecordAttributes(Activity activity, IDictionary<string, string>? message, MessagingSite site)
    {
    }

    /// <inheritdoc />
    public void RecordSiteAttributes(Activity activity, MessagingSite site)
    {
    }

    /// <inheritdoc />
    public string? FailureOf<TResult>(TResult result) => null;
}

/// <summary>The adapter of a handler whose <c>[MessageHeaders]</c> parameter is an object-valued header dictionary.</summary>
public readonly struct ObjectHeadersIncoming : IIncomingMessages<IDictionary<string, object?>?>
{
    /// <inheritdoc />
    public bool TryRead(IDictionary<string, object?>? carrier, string name, out HeaderValue value) => default(ObjectDictionaryHeaders).TryRead(carrier, name, out value);

    /// <inheritdoc />
    public string? Destination(IDictionary<string, object?>? message) => null;

    /// <inheritdoc />
    public string? MessageId(IDictionary<string, object?>? message) => null;

    /// <inheritdoc />
    public void RecordAttributes(Activity activity, IDictionary<string, object?>? message, MessagingSite site)
    {
    }

    /// <inheritdoc />
    public void RecordSiteAttributes(Activity activity, MessagingSite site)
    {
    }

    /// <inheritdoc />
    public string? FailureOf<TResult>(TResult result) => null;
}
