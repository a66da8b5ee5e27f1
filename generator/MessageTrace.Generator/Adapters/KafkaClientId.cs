// The producer's configured client.id: its name is a native call, so it is read once per producer.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file static class KafkaClientId
{
    public static string? Of(global::Confluent.Kafka.IClient? client) =>
        global::MessageTrace.ClientIds.Of(client, static c => global::MessageTrace.KafkaAttributes.ClientIdFromName(c.Name));
}
