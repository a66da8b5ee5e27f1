// A RocketMQ message being sent: its topic, its properties (the carrier), and the attributes it carries.
[global::System.CodeDom.Compiler.GeneratedCode("MessageTrace.Generator", "VERSION")]
file struct RocketMqOutgoing(global::Org.Apache.Rocketmq.Message message, bool transactional = false) : global::MessageTrace.IOutgoingMessage
{
    public global::Org.Apache.Rocketmq.Message Message = message;

    public readonly bool HasMessage => Message is not null;
    public readonly string? Destination => Message.Topic;
    public readonly object? Headers => Message.Properties;
    public readonly bool SharesHeaders => true; // Message.Builder hands one dictionary to every message it builds.
    public readonly bool PrefersUtf8 => false;
    public readonly bool CanWrite => Message.Properties is not null;
    public readonly void PrepareHeaders() { }
    public readonly bool TryRead(string name, out global::MessageTrace.HeaderValue value) => default(global::MessageTrace.StringDictionaryHeaders).TryRead(Message.Properties, name, out value);
    public readonly void Write(string name, string value) => Message.Properties[name] = value;
    public readonly void WriteUtf8(string name, byte[] value) => Message.Properties[name] = global::System.Text.Encoding.ASCII.GetString(value);
    public readonly bool IsWrittenByMessageTrace(string ourKey) => global::MessageTrace.WrittenHeaders.ContainsKeyInstance(Message.Properties, ourKey);
    public readonly void Remove(string name) => Message.Properties.Remove(name);

    public readonly void RecordAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) =>
        global::MessageTrace.RocketMqAttributes.RecordOutgoing(activity, site, Message.Tag, Message.Keys, Message.MessageGroup, Message.DeliveryTimestamp, Message.LiteTopic, Message.Priority, transactional, Message.Body?.Length);

    public readonly void RecordResult<TResult>(global::System.Diagnostics.Activity activity, TResult result) =>
        global::MessageTrace.MessagingAttributes.RecordMessageId(activity, (result as global::Org.Apache.Rocketmq.ISendReceipt)?.MessageId);

    // Message has no public constructor: a fresh builder gives the copy a dictionary of its own. Keys and
    // properties go straight onto the copy (the builder refuses blank ones); our earlier context stays behind.
    public bool TryCopy()
    {
        try
        {
            var source = Message;
            var builder = new global::Org.Apache.Rocketmq.Message.Builder().SetTopic(source.Topic).SetBody(source.Body);
            if (!string.IsNullOrWhiteSpace(source.Tag)) builder.SetTag(source.Tag);
            if (source.DeliveryTimestamp is { } deliveryTimestamp) builder.SetDeliveryTimestamp(deliveryTimestamp);
            if (!string.IsNullOrEmpty(source.MessageGroup)) builder.SetMessageGroup(source.MessageGroup);
            if (!string.IsNullOrEmpty(source.LiteTopic)) builder.SetLiteTopic(source.LiteTopic);
            if (source.Priority is { } priority) builder.SetPriority(priority);
            var copy = builder.Build();
            if (source.Keys is { } keys) copy.Keys.AddRange(keys);
            global::MessageTrace.ProducerContext.CopyUserHeaders(source.Properties, copy.Properties);
            Message = copy;
            return true;
        }
        catch (global::System.Exception)
        {
            return false; // The client refuses the copy: the original goes out untouched.
        }
    }
}
