// NatsHeaders maps names to StringValues, a type the MessageTrace library does not reference.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct NatsHeadersAccess : global::MessageTrace.IHeaderWriter<global::NATS.Client.Core.NatsHeaders?>
{
    public bool PrefersUtf8 => false;
    public bool CanWrite(global::NATS.Client.Core.NatsHeaders? carrier) => carrier is not null && !carrier.IsReadOnly;
    public bool TryRead(global::NATS.Client.Core.NatsHeaders? carrier, string name, out global::MessageTrace.HeaderValue value)
    {
        var found = carrier is not null && carrier.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
        value = new global::MessageTrace.HeaderValue(found);
        return found is not null;
    }
    public void Write(global::NATS.Client.Core.NatsHeaders? carrier, string name, string value) => carrier![name] = value;
    public void WriteUtf8(global::NATS.Client.Core.NatsHeaders? carrier, string name, byte[] value) => carrier![name] = global::System.Text.Encoding.ASCII.GetString(value);
    public bool IsWrittenByMessageTrace(global::NATS.Client.Core.NatsHeaders? carrier, string ourKey) => global::MessageTrace.WrittenHeaders.ContainsKeyInstance(carrier, ourKey);
    public void Remove(global::NATS.Client.Core.NatsHeaders? carrier, string name) => carrier?.Remove(name);
}
