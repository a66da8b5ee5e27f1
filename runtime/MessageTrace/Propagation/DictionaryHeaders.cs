using System.Collections.Generic;

namespace MessageTrace;

/// <summary>
/// Header access for string-valued dictionaries, such as RocketMQ's <c>Message.Properties</c> and
/// user-defined carriers.
/// </summary>
public readonly struct StringDictionaryHeaders : IHeaderWriter<IDictionary<string, string>?>
{
    /// <inheritdoc />
    public bool PrefersUtf8 => false;

    /// <inheritdoc />
    public bool CanWrite(IDictionary<string, string>? carrier) => carrier is not null && !carrier.IsReadOnly;

    /// <inheritdoc />
    public bool TryRead(IDictionary<string, string>? carrier, string name, out HeaderValue value)
    {
        if (carrier is not null && carrier.TryGetValue(name, out var text) && text is not null)
        {
            value = new HeaderValue(text);
            return true;
        }

        value = default;
        return false;
    }

    /// <inheritdoc />
    public void Write(IDictionary<string, string>? carrier, string name, string value) => carrier![name] = value;

    /// <inheritdoc />
    public void WriteUtf8(IDictionary<string, string>? carrier, string name, byte[] value) =>
        carrier![name] = System.Text.Encoding.ASCII.GetString(value);

    /// <inheritdoc />
    public bool IsWrittenByMessageTrace(IDictionary<string, string>? carrier, string ourKey) => WrittenHeaders.ContainsKeyInstance(carrier, ourKey);

    /// <inheritdoc />
    public void Remove(IDictionary<string, string>? carrier, string name) => carrier?.Remove(name);
}

/// <summary>
/// Header access for object-valued dictionaries whose values travel as bytes, such as RabbitMQ's
/// <c>IBasicProperties.Headers</c>: values are read as <c>byte[]</c> or string and written as UTF-8.
/// </summary>
public readonly struct ObjectDictionaryHeaders : IHeaderWriter<IDictionary<string, object?>?>
{
    /// <inheritdoc />
    public bool PrefersUtf8 => true;

    /// <inheritdoc />
    public bool CanWrite(IDictionary<string, object?>? carrier) => carrier is not null && !carrier.IsReadOnly;

    /// <inheritdoc />
    public bool TryRead(IDictionary<string, object?>? carrier, string name, out HeaderValue value)
    {
        if (carrier is not null && carrier.TryGetValue(name, out var raw))
        {
            value = HeaderValue.FromObject(raw);
            return !value.IsEmpty;
        }

        value = default;
        return false;
    }

    /// <inheritdoc />
    public void Write(IDictionary<string, object?>? carrier, string name, string value) => carrier![name] = value;

    /// <inheritdoc />
    public void WriteUtf8(IDictionary<string, object?>? carrier, string name, byte[] value) => carrier![name] = value;

    /// <inheritdoc />
    public bool IsWrittenByMessageTrace(IDictionary<string, object?>? carrier, string ourKey) => WrittenHeaders.ContainsKeyInstance(carrier, ourKey);

    /// <inheritdoc />
    public void Remove(IDictionary<string, object?>? carrier, string name) => carrier?.Remove(name);
}
