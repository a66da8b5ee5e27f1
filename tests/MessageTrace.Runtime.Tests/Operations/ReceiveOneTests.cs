using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// <see cref="TracedConsume.ReceiveOne{TMessage, TAdapter, TArgs}"/>: a synchronous pull of one message or none
/// (Kafka's Consume): a receive span linked to the message, none for an empty pull, an error span for a failure;
/// and the synchronous settlement beside it (Kafka's Commit).
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class ReceiveOneTests
{
    private static readonly MessagingSite s_site = new("test", consumerGroup: "inventory");

    [Fact]
    public void A_received_message_gets_a_client_span_linked_to_its_creation_context_and_the_caller_keeps_its_span()
    {
        using var listener = new MessageTraceListener();
        var creation = Contexts.Random();
        var headers = new Dictionary<string, string>();
        Carriers.Inject(headers, creation);
        var message = new TestMessage("orders", headers, "m-1");

        var received = TracedConsume.ReceiveOne(s_site, default(TestIncoming), message, static a => a);

        Assert.Same(message, received);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal("receive orders", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("inventory", span.GetTagItem(MessagingAttributes.ConsumerGroupName));
        Assert.Equal(creation.SpanId, Assert.Single(span.Links).Context.SpanId);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void An_empty_pull_gets_no_span()
    {
        using var listener = new MessageTraceListener();

        Assert.Null(TracedConsume.ReceiveOne(s_site, default(TestIncoming), (TestMessage?)null, static a => a));

        Assert.Empty(listener.Stopped);
    }

    [Fact]
    public void A_result_the_client_marks_empty_gets_no_span_and_is_returned_unchanged()
    {
        using var listener = new MessageTraceListener();
        var endOfPartition = new TestMessage("orders", new Dictionary<string, string>(), "eof");

        var received = TracedConsume.ReceiveOne(s_site, default(TestIncoming), endOfPartition, static a => a, static m => m.Id == "eof");

        Assert.Same(endOfPartition, received);
        Assert.Empty(listener.Stopped);
    }

    [Fact]
    public void A_throwing_emptiness_check_traces_the_result_as_a_message_and_does_not_reach_the_caller()
    {
        using var listener = new MessageTraceListener();
        var message = new TestMessage("orders", new Dictionary<string, string>(), "m-1");

        var received = TracedConsume.ReceiveOne(s_site, default(TestIncoming), message, static a => a, static _ => throw new InvalidOperationException("client bug"));

        Assert.Same(message, received);
        Assert.Equal("receive orders", Assert.Single(listener.Stopped).DisplayName);
    }

    [Fact]
    public void A_synchronous_settlement_is_a_settle_span_and_its_failure_goes_on_unchanged()
    {
        using var listener = new MessageTraceListener();
        var message = new TestMessage("orders", id: "m-1");
        var thrown = new InvalidOperationException("offset out of range");

        TracedConsume.Settle(s_site, "commit", default(TestIncoming), message, 0, static (m, a) => { });
        var caught = Assert.Throws<InvalidOperationException>(() =>
            TracedConsume.Settle(s_site, "commit", default(TestIncoming), message, thrown, static (m, a) => throw a));

        Assert.Same(thrown, caught);
        Assert.Equal(2, listener.Stopped.Count);
        Assert.All(listener.Stopped, span => Assert.Equal("commit orders", span.DisplayName));
        Assert.Equal(ActivityStatusCode.Unset, listener.Stopped[0].Status);
        Assert.Equal(ActivityStatusCode.Error, listener.Stopped[1].Status);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void A_failed_pull_is_an_error_span_and_the_exception_goes_on_unchanged()
    {
        using var listener = new MessageTraceListener();
        var thrown = new InvalidOperationException("broker gone");

        var caught = Assert.Throws<InvalidOperationException>(() =>
            TracedConsume.ReceiveOne<TestMessage?, TestIncoming, Exception>(s_site, default, thrown, static a => throw a));

        Assert.Same(thrown, caught);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.GetTagItem(MessagingAttributes.ErrorType));
    }
}
