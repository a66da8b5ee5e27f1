// A RabbitMQ publish: the exchange and routing key, the properties' headers (the carrier, values as bytes).
// The headerless overloads pass no properties: fresh ones are made on the traced path only.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file struct RabbitMqOutgoing(string? exchange, string? routingKey, global::RabbitMQ.Client.IReadOnlyBasicProperties? properties, int bodySize, bool createProperties = false) : global::MessageTrace.IOutgoingMessage
{
    public global::RabbitMQ.Client.BasicProperties? CreatedProperties;

    public readonly bool HasMessage => true;
    public readonly string? Destination => global::MessageTrace.RabbitMqAttributes.Destination(exchange, routingKey);
    public readonly object? Headers => Carrier;
    public readonly bool SharesHeaders => false;
    public readonly bool PrefersUtf8 => true;
    public readonly bool CanWrite => default(global::MessageTrace.ObjectDictionaryHeaders).CanWrite(Carrier);
    public readonly bool TryRead(string name, out global::MessageTrace.HeaderValue value) => default(global::MessageTrace.ObjectDictionaryHeaders).TryRead(Carrier, name, out value);
    public readonly void Write(string name, string value) => Carrier![name] = value;
    public readonly void WriteUtf8(string name, byte[] value) => Carrier![name] = value;
    public readonly bool IsWrittenByMessageTrace(string ourKey) => default(global::MessageTrace.ObjectDictionaryHeaders).IsWrittenByMessageTrace(Carrier, ourKey);
    public readonly void Remove(string name) => Carrier?.Remove(name);
    public readonly bool TryCopy() => false;

    // A mutable BasicProperties without headers gets them; a read-only properties type cannot take them.
    public void PrepareHeaders()
    {
        if (createProperties)
        {
            CreatedProperties = new global::RabbitMQ.Client.BasicProperties { Headers = new global::System.Collections.Generic.Dictionary<string, object?>() };
        }
        else if (properties is global::RabbitMQ.Client.BasicProperties { Headers: null } writable)
        {
            writable.Headers = new global::System.Collections.Generic.Dictionary<string, object?>();
        }
    }

    public readonly void RecordAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.RabbitMqAttributes.RecordOutgoing(activity, site, routingKey, properties?.MessageId, bodySize);

    public readonly void RecordResult<TResult>(global::System.Diagnostics.Activity activity, TResult result) { }

    private readonly global::System.Collections.Generic.IDictionary<string, object?>? Carrier => CreatedProperties?.Headers ?? properties?.Headers;
}
