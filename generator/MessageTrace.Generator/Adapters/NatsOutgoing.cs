// A NATS publish: its subject and headers (created when the caller passes none, on the traced path only).
// NATS.Net makes headers read-only once published: reused ones are copied, without our trace headers.
// A reply goes to the requester's inbox, a temporary subject: it comes without one, so it names no span.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file struct NatsOutgoing(string? subject, global::NATS.Client.Core.NatsHeaders? headers, bool temporary = false) : global::MessageTrace.IOutgoingMessage
{
    public global::NATS.Client.Core.NatsHeaders? Headers = headers;

    public readonly bool HasMessage => true;
    public readonly string? Destination => subject;
    readonly object? global::MessageTrace.IOutgoingMessage.Headers => Headers;
    public readonly bool SharesHeaders => false;
    public readonly bool PrefersUtf8 => false;
    public readonly bool CanWrite => default(NatsHeadersAccess).CanWrite(Headers);
    public void PrepareHeaders() => Headers ??= new global::NATS.Client.Core.NatsHeaders();
    public readonly bool TryRead(string name, out global::MessageTrace.HeaderValue value) => default(NatsHeadersAccess).TryRead(Headers, name, out value);
    public readonly void Write(string name, string value) => default(NatsHeadersAccess).Write(Headers, name, value);
    public readonly void WriteUtf8(string name, byte[] value) => default(NatsHeadersAccess).WriteUtf8(Headers, name, value);
    public readonly bool IsWrittenByMessageTrace(string ourKey) => default(NatsHeadersAccess).IsWrittenByMessageTrace(Headers, ourKey);
    public readonly void Remove(string name) => default(NatsHeadersAccess).Remove(Headers, name);
    public bool TryCopy()
    {
        if (Headers is null) return false;
        var copy = new global::NATS.Client.Core.NatsHeaders();
        foreach (var header in Headers)
        {
            if (!global::MessageTrace.WrittenHeaders.IsOurKey(header.Key)) copy[header.Key] = header.Value;
        }
        Headers = copy;
        return true;
    }
    public readonly void RecordAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site)
    {
        if (temporary) global::MessageTrace.MessagingAttributes.SetTemporaryDestination(activity);
    }
    public readonly void RecordResult<TResult>(global::System.Diagnostics.Activity activity, TResult result) { }
}
