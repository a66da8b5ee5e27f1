// A received NATS message: its subject and headers.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct NatsIncoming<T> : global::MessageTrace.IIncomingMessages<global::NATS.Client.Core.NatsMsg<T>>
{
    public bool TryRead(global::NATS.Client.Core.NatsMsg<T> message, string name, out global::MessageTrace.HeaderValue value) => default(NatsHeadersAccess).TryRead(message.Headers, name, out value);
    public string? Destination(global::NATS.Client.Core.NatsMsg<T> message) => message.Subject;
    public string? MessageId(global::NATS.Client.Core.NatsMsg<T> message) => null;
    public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }
    public void RecordAttributes(global::System.Diagnostics.Activity activity, global::NATS.Client.Core.NatsMsg<T> message, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.MessagingAttributes.SetBodySize(activity, site, message.Size);
    public string? FailureOf<TResult>(TResult result) => null;
}
