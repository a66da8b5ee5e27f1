// A request to a NATS service endpoint (NATS.Client.Services): its subject and headers.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file readonly struct NatsSvcIncoming<T> : global::MessageTrace.IIncomingMessages<global::NATS.Client.Services.NatsSvcMsg<T>>
{
    public bool TryRead(global::NATS.Client.Services.NatsSvcMsg<T> message, string name, out global::MessageTrace.HeaderValue value) => default(NatsHeadersAccess).TryRead(message.Headers, name, out value);
    public string? Destination(global::NATS.Client.Services.NatsSvcMsg<T> message) => message.Subject;
    public string? MessageId(global::NATS.Client.Services.NatsSvcMsg<T> message) => null;
    public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }
    public void RecordAttributes(global::System.Diagnostics.Activity activity, global::NATS.Client.Services.NatsSvcMsg<T> message, global::MessageTrace.MessagingSite site) { }
    public string? FailureOf<TResult>(TResult result) => null;
}
