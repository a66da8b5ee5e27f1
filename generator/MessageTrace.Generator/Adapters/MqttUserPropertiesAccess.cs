// MQTT 5 user properties: values go on the wire as UTF-8, so the traceparent is formatted straight to bytes.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct MqttUserPropertiesAccess : global::MessageTrace.IHeaderWriter<global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>?>
{
    public bool PrefersUtf8 => true;
    public bool CanWrite(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier) => carrier is not null;
    public bool TryRead(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier, string name, out global::MessageTrace.HeaderValue value)
    {
        for (int i = 0; i < (carrier?.Count ?? 0); i++)
        {
            if (carrier![i] is { } property && string.Equals(property.Name, name, global::System.StringComparison.Ordinal))
            {
                value = new global::MessageTrace.HeaderValue(property.ValueBuffer); // the raw bytes, parsed in place
                return true;
            }
        }
        value = default;
        return false;
    }
    public void Write(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier, string name, string value) => WriteUtf8(carrier, name, global::System.Text.Encoding.UTF8.GetBytes(value));
    public void WriteUtf8(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier, string name, byte[] value)
    {
        for (int i = carrier!.Count - 1; i >= 0; i--) // MQTT 5 allows repeats; a trace header appears once
        {
            if (string.Equals(carrier[i]?.Name, name, global::System.StringComparison.Ordinal)) carrier.RemoveAt(i);
        }
        carrier.Add(new global::MQTTnet.Packets.MqttUserProperty(name, new global::System.ReadOnlyMemory<byte>(value)));
    }
    public bool IsWrittenByMessageTrace(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier, string ourKey)
    {
        for (int i = 0; i < (carrier?.Count ?? 0); i++)
        {
            if (ReferenceEquals(carrier![i]?.Name, ourKey)) return true; // the property MessageTrace added keeps our name instance
        }
        return false;
    }
    public void Remove(global::System.Collections.Generic.List<global::MQTTnet.Packets.MqttUserProperty>? carrier, string name)
    {
        for (int i = (carrier?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (string.Equals(carrier![i]?.Name, name, global::System.StringComparison.Ordinal)) carrier.RemoveAt(i);
        }
    }
}
