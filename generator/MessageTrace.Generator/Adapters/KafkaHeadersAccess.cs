// Confluent.Kafka's Headers: a list of (key, bytes) that allows repeated keys. A header is replaced by
// removing every value of its name first; the key instance given is the one the list keeps.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct KafkaHeadersAccess : global::MessageTrace.IHeaderWriter<global::Confluent.Kafka.Headers?>
{
    public bool PrefersUtf8 => true;
    public bool CanWrite(global::Confluent.Kafka.Headers? carrier) => carrier is not null;
    public bool TryRead(global::Confluent.Kafka.Headers? carrier, string name, out global::MessageTrace.HeaderValue value)
    {
        byte[]? found = null;
        if (carrier is not null && carrier.TryGetLastBytes(name, out var bytes))
        {
            found = bytes;
        }

        value = new global::MessageTrace.HeaderValue(found);
        return found is not null;
    }
    public void Write(global::Confluent.Kafka.Headers? carrier, string name, string value) => WriteUtf8(carrier, name, global::System.Text.Encoding.UTF8.GetBytes(value));
    public void WriteUtf8(global::Confluent.Kafka.Headers? carrier, string name, byte[] value)
    {
        Remove(carrier, name);
        carrier!.Add(name, value);
    }
    public bool IsWrittenByMessageTrace(global::Confluent.Kafka.Headers? carrier, string ourKey)
    {
        if (carrier is null) return false;
        for (int i = carrier.Count - 1; i >= 0; i--)
        {
            var key = carrier[i].Key;
            if (string.Equals(key, ourKey, global::System.StringComparison.Ordinal)) return ReferenceEquals(key, ourKey);
        }
        return false;
    }
    // Headers.Remove allocates a predicate per call: it is called only when the name is there.
    public void Remove(global::Confluent.Kafka.Headers? carrier, string name)
    {
        if (carrier is null) return;
        for (int i = carrier.Count - 1; i >= 0; i--)
        {
            if (string.Equals(carrier[i].Key, name, global::System.StringComparison.Ordinal))
            {
                carrier.Remove(name);
                return;
            }
        }
    }
}
