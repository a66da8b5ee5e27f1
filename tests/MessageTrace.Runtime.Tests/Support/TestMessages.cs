using System.Collections.Generic;
using System.Diagnostics;

namespace MessageTrace.Runtime.Tests;

/// <summary>A broker message of the tests' own: a topic, string headers, an id.</summary>
internal sealed class TestMessage(string topic, Dictionary<string, string>? headers = null, string? id = null)
{
    public string Topic { get; } = topic;

    public Dictionary<string, string>? Headers { get; set; } = headers;

    public string? Id { get; } = id;
}

/// <summary>
/// An outgoing adapter as a generator would write one. <see cref="Shared"/> makes it behave like RocketMQ's
/// (one header collection handed to several messages, copied when it holds an earlier send's context).
/// </summary>
internal struct TestOutgoing(TestMessage? message, bool shared = false) : IOutgoingMessage, IReportedOutcome<string>
{
    public TestMessage? Message = message;

    public int Copies;

    public readonly bool HasMessage => Message is not null;

    public readonly string? Destination => Message!.Topic;

    public readonly object? Headers => Message!.Headers;

    public readonly bool SharesHeaders => shared;

    public readonly bool PrefersUtf8 => false;

    public readonly bool CanWrite => Message!.Headers is not null;

    public readonly void PrepareHeaders() => Message!.Headers ??= new Dictionary<string, string>();

    public readonly bool TryRead(string name, out HeaderValue value) => default(StringDictionaryHeaders).TryRead(Message!.Headers, name, out value);

    public readonly void Write(string name, string value) => Message!.Headers![name] = value;

    public readonly void WriteUtf8(string name, byte[] value) => Message!.Headers![name] = System.Text.Encoding.ASCII.GetString(value);

    public readonly bool IsWrittenByMessageTrace(string ourKey) => WrittenHeaders.ContainsKeyInstance(Message!.Headers, ourKey);

    public readonly void Remove(string name) => Message!.Headers?.Remove(name);

    public bool TryCopy()
    {
        var copy = new TestMessage(Message!.Topic, new Dictionary<string, string>(), Message.Id);
        ProducerContext.CopyUserHeaders(Message.Headers, copy.Headers!);
        Message = copy;
        Copies++;
        return true;
    }

    public readonly void RecordAttributes(Activity activity, MessagingSite site) => MessagingAttributes.RecordMessageId(activity, Message!.Id);

    public readonly void RecordResult<TResult>(Activity activity, TResult result) => activity.SetTag("test.result", result?.ToString());

    /// <summary>A delivery report "FAIL" says the send failed.</summary>
    public readonly string? FailureOf(string report) => report == "FAIL" ? "FAIL" : null;
}

/// <summary>An incoming adapter as a generator would write one; the result "FAIL" means failure.</summary>
internal readonly struct TestIncoming : IIncomingMessages<TestMessage?>
{
    public bool TryRead(TestMessage? carrier, string name, out HeaderValue value) => default(StringDictionaryHeaders).TryRead(carrier?.Headers, name, out value);

    public string? Destination(TestMessage? message) => message?.Topic;

    public string? MessageId(TestMessage? message) => message?.Id;

    public void RecordAttributes(Activity activity, TestMessage? message, MessagingSite site) => activity.SetTag("test.topic.length", message!.Topic.Length);

    public void RecordSiteAttributes(Activity activity, MessagingSite site) => activity.SetTag("test.site", site.System);

    public string? FailureOf<TResult>(TResult result) => result is "FAIL" ? "FAIL" : null;
}
