namespace MessageTrace;

/// <summary>
/// Presents an <see cref="IOutgoingMessage"/> adapter as a header writer whose carrier is the adapter
/// itself, so the propagation code shared with every carrier serves generated adapters too.
/// </summary>
internal readonly struct OutgoingHeaders<TMessage> : IHeaderWriter<TMessage>
    where TMessage : struct, IOutgoingMessage
{
    public bool PrefersUtf8 => default(TMessage).PrefersUtf8;

    public bool CanWrite(TMessage carrier) => carrier.CanWrite;

    public bool TryRead(TMessage carrier, string name, out HeaderValue value) => carrier.TryRead(name, out value);

    public void Write(TMessage carrier, string name, string value) => carrier.Write(name, value);

    public void WriteUtf8(TMessage carrier, string name, byte[] value) => carrier.WriteUtf8(name, value);

    public bool IsWrittenByMessageTrace(TMessage carrier, string ourKey) => carrier.IsWrittenByMessageTrace(ourKey);

    public void Remove(TMessage carrier, string name) => carrier.Remove(name);
}
