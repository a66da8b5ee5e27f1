using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// <see cref="TracedConsume.ReceiveOneAsync{TMessage, TAdapter, TArgs}"/>: an asynchronous pull of one message or
/// none (RabbitMQ's BasicGetAsync): a receive span linked to the message once the pull completes, none for an
/// empty pull, an error span for a failure, which reaches the caller unchanged.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class ReceiveOneAsyncTests
{
    private static readonly MessagingSite s_site = new("test", consumerGroup: "inventory");

    [Fact]
    public async Task A_message_that_arrives_later_gets_a_client_span_linked_to_its_creation_context()
    {
        using var listener = new MessageTraceListener();
        var creation = Contexts.Random();
        var headers = new Dictionary<string, string>();
        Carriers.Inject(headers, creation);
        var message = new TestMessage("orders", headers, "m-1");
        var arrival = new TaskCompletionSource<TestMessage?>(TaskCreationOptions.RunContinuationsAsynchronously);

        var pull = TracedConsume.ReceiveOneAsync(s_site, default(TestIncoming), arrival, static a => a.Task);
        Assert.Empty(listener.Stopped); // nothing is known before the pull completes
        arrival.SetResult(message);

        Assert.Same(message, await pull);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal("receive orders", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("inventory", span.GetTagItem(MessagingAttributes.ConsumerGroupName));
        Assert.Equal(creation.SpanId, Assert.Single(span.Links).Context.SpanId);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task An_empty_pull_gets_no_span()
    {
        using var listener = new MessageTraceListener();

        Assert.Null(await TracedConsume.ReceiveOneAsync(s_site, default(TestIncoming), 0, static _ => Task.FromResult<TestMessage?>(null)));

        Assert.Empty(listener.Stopped);
    }

    [Fact]
    public async Task A_failed_pull_is_an_error_span_and_the_exception_goes_on_unchanged()
    {
        using var listener = new MessageTraceListener();
        var thrown = new InvalidOperationException("channel closed");

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TracedConsume.ReceiveOneAsync<TestMessage?, TestIncoming, Exception>(s_site, default, thrown, static a => Task.FromException<TestMessage?>(a)));

        Assert.Same(thrown, caught);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.GetTagItem(MessagingAttributes.ErrorType));
    }

    [Fact]
    public async Task With_nothing_listening_the_clients_own_task_is_returned()
    {
        var pulled = Task.FromResult<TestMessage?>(new TestMessage("orders", id: "m-1"));

        var returned = TracedConsume.ReceiveOneAsync(s_site, default(TestIncoming), pulled, static a => a);

        Assert.Same(pulled, returned);
        Assert.NotNull(await returned);
    }

    [Fact]
    public async Task A_pull_returning_a_value_task_is_traced_the_same()
    {
        using var listener = new MessageTraceListener();
        var creation = Contexts.Random();
        var headers = new Dictionary<string, string>();
        Carriers.Inject(headers, creation);
        var message = new TestMessage("orders", headers, "m-1");

        var received = await TracedConsume.ReceiveOneAsync(s_site, default(TestIncoming), message, static a => new ValueTask<TestMessage?>(a));
        var empty = await TracedConsume.ReceiveOneAsync(s_site, default(TestIncoming), 0, static _ => new ValueTask<TestMessage?>((TestMessage?)null));

        Assert.Same(message, received);
        Assert.Null(empty);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal("receive orders", span.DisplayName);
        Assert.Equal(creation.SpanId, Assert.Single(span.Links).Context.SpanId);
    }
}
