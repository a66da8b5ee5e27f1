// A JetStream message: its subject and headers, and the id its publisher gave it for de-duplication.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct NatsJSIncoming<T> : global::MessageTrace.IIncomingMessages<global::NATS.Client.JetStream.NatsJSMsg<T>>
{
    public bool TryRead(global::NATS.Client.JetStream.NatsJSMsg<T> message, string name, out global::MessageTrace.HeaderValue value) => default(NatsHeadersAccess).TryRead(message.Headers, name, out value);
    public string? Destination(global::NATS.Client.JetStream.NatsJSMsg<T> message) => message.Subject;
    public string? MessageId(global::NATS.Client.JetStream.NatsJSMsg<T> message) =>
        message.Headers is { } headers && headers.TryGetValue("Nats-Msg-Id", out var id) && id.Count > 0 ? id[0] : null;
    public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }
    public void RecordAttributes(global::System.Diagnostics.Activity activity, global::NATS.Client.JetStream.NatsJSMsg<T> message, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.MessagingAttributes.SetBodySize(activity, site, message.Size);
    public string? FailureOf<TResult>(TResult result) => null;
}
