using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using Org.Apache.Rocketmq;
using Org.Apache.Rocketmq.Testing;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>
/// Messages built by one <see cref="Message.Builder"/> share one Properties dictionary (as in the real
/// client): each send must still carry its own creation context.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class SharedBuilderTests
{
    [Fact]
    public async Task Sequential_sends_of_messages_from_one_builder_each_carry_their_own_span_context()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var builder = NewBuilder();
        var first = builder.Build();
        var second = builder.Build();
        Assert.Same(first.Properties, second.Properties);
        var publisher = new OrderPublisher(producer);

        await publisher.PublishAsync(first);
        await publisher.PublishAsync(second);

        var records = producer.SentMessagesForTest;
        Assert.Equal(2, records.Count);
        var firstSpan = SpanFor(capture, records[0]);
        var secondSpan = SpanFor(capture, records[1]);
        Assert.NotSame(firstSpan, secondSpan);
        Assert.Equal(SampledTraceParent(firstSpan), Sent(records[0], TraceParentKey));
        Assert.Equal(SampledTraceParent(secondSpan), Sent(records[1], TraceParentKey));

        // The second send's header is not mistaken for a user's creation context.
        Assert.Empty(secondSpan.Links);
        Assert.Empty(firstSpan.Links);
    }

    [Fact]
    public async Task Many_messages_from_one_builder_each_carry_their_own_context_and_keep_the_users_properties()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var builder = NewBuilder().SetTag("bulk").SetKeys("k1").AddProperty("order-id", "17");
        var publisher = new OrderPublisher(producer);

        for (int i = 0; i < 4; i++)
        {
            await publisher.PublishAsync(builder.Build());
        }

        var records = producer.SentMessagesForTest;
        Assert.Equal(4, records.Count);
        Assert.Equal(4, records.Select(r => Sent(r, TraceParentKey)).Distinct().Count());
        foreach (var record in records)
        {
            var span = SpanFor(capture, record);
            Assert.Equal(SampledTraceParent(span), Sent(record, TraceParentKey));
            Assert.Empty(span.Links);
            Assert.Equal("17", Sent(record, "order-id"));
            Assert.Equal("bulk", record.Message.Tag);
            Assert.Equal(new[] { "k1" }, record.Message.Keys);
            Assert.Equal("bulk", Tag(span, "messaging.rocketmq.message.tag"));
        }
    }

    [Fact]
    public async Task Concurrent_sends_of_messages_from_one_builder_each_carry_their_own_span_context()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var builder = NewBuilder();
        var first = builder.Build();
        var second = builder.Build();
        var firstGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        producer.EnqueueSendBehaviorForTest(OperationBehavior.WaitFor(firstGate.Task));
        producer.EnqueueSendBehaviorForTest(OperationBehavior.WaitFor(secondGate.Task));
        var publisher = new OrderPublisher(producer);

        var firstSend = publisher.PublishAsync(first);
        var secondSend = publisher.PublishAsync(second);

        // Both are in flight at once.
        Assert.False(firstSend.IsCompleted);
        Assert.False(secondSend.IsCompleted);
        var records = producer.SentMessagesForTest;
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.False(r.IsCompleted));
        Assert.NotEqual(Sent(records[0], TraceParentKey), Sent(records[1], TraceParentKey));
        AssertInFlightHeadersUntouched(records);

        secondGate.SetResult();
        firstGate.SetResult();
        await Task.WhenAll(firstSend, secondSend);

        foreach (var record in producer.SentMessagesForTest)
        {
            var span = SpanFor(capture, record);
            Assert.Equal(SampledTraceParent(span), Sent(record, TraceParentKey));
            Assert.Empty(span.Links);
        }
    }

    [Fact]
    public async Task Send_that_loses_the_race_for_shared_properties_carries_its_own_context()
    {
        // Deterministic interleaving: the first send has inspected the shared properties (nothing
        // there yet) and is held inside the sampler, before it injects; meanwhile a second send of a
        // message from the same builder runs to the end on this thread and claims the properties.
        var held = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        int armed = 1;
        var sampler = new RecordingSampler
        {
            OnCall = _ =>
            {
                if (Interlocked.Exchange(ref armed, 0) == 1)
                {
                    held.Set();
                    release.Wait();
                }
            },
        };
        using var capture = new TraceCapture(sampler);
        var producer = await NewProducerAsync();
        var builder = NewBuilder().AddProperty("order-id", "17");
        var first = builder.Build();
        var second = builder.Build();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        producer.DefaultSendBehaviorForTest = OperationBehavior.WaitFor(gate.Task);
        var publisher = new OrderPublisher(producer);

        // StartNew, not Task.Run: the outer task completes when the interceptor returns, not when the send does.
        var firstCall = Task.Factory.StartNew(() => publisher.Forward(first), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(held.Wait(TimeSpan.FromMinutes(1)), "the first send never reached the sampler");
        var secondSend = publisher.Forward(second);
        Assert.Single(producer.SentMessagesForTest);
        release.Set();
        var firstSend = await firstCall;

        var records = producer.SentMessagesForTest;
        Assert.Equal(2, records.Count);
        AssertInFlightHeadersUntouched(records);
        gate.SetResult();
        await Task.WhenAll(firstSend, secondSend);

        foreach (var record in producer.SentMessagesForTest)
        {
            var span = SpanFor(capture, record);
            Assert.Equal(SampledTraceParent(span), Sent(record, TraceParentKey));
            Assert.Equal("17", Sent(record, "order-id"));
            Assert.Empty(span.Links);
        }
    }

    /// <summary>
    /// The client may read a message's properties at any time until its send completes (the real one
    /// serializes after the route lookup), so a send in flight must find its own context still there:
    /// no other send may have written into the dictionary it was handed.
    /// </summary>
    private static void AssertInFlightHeadersUntouched(System.Collections.Generic.IReadOnlyList<SentMessageRecord> records)
    {
        foreach (var record in records)
        {
            Assert.False(record.IsCompleted);
            Assert.Equal(Sent(record, TraceParentKey), record.Message.Properties[TraceParentKey]);
        }
    }

    [Fact]
    public async Task Messages_from_one_builder_with_the_users_traceparent_all_keep_and_link_it()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        const string user = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var builder = NewBuilder().AddProperty(TraceParentKey, user);
        var publisher = new OrderPublisher(producer);

        await publisher.PublishAsync(builder.Build());
        await publisher.PublishAsync(builder.Build());

        foreach (var record in producer.SentMessagesForTest)
        {
            Assert.Equal(user, Sent(record, TraceParentKey));
            var link = Assert.Single(SpanFor(capture, record).Links);
            Assert.Equal("b7ad6b7169203331", link.Context.SpanId.ToHexString());
        }
    }

    [Fact]
    public async Task Messages_from_one_builder_sent_with_only_an_ambient_span_carry_the_ambient_context()
    {
        var producer = await NewProducerAsync();
        var builder = NewBuilder();
        var publisher = new OrderPublisher(producer);
        string firstAmbient;
        string secondAmbient;
        using (var ambient = new ForeignAmbient())
        {
            Assert.False(MessageTraceSource.Source.HasListeners());
            await publisher.PublishAsync(builder.Build());
            firstAmbient = SampledTraceParent(ambient.Activity);
        }

        using (var ambient = new ForeignAmbient())
        {
            await publisher.PublishAsync(builder.Build());
            secondAmbient = SampledTraceParent(ambient.Activity);
        }

        var records = producer.SentMessagesForTest;
        Assert.Equal(firstAmbient, Sent(records[0], TraceParentKey));
        Assert.Equal(secondAmbient, Sent(records[1], TraceParentKey));
    }

    [Fact]
    public async Task Transactional_sends_of_messages_from_one_builder_each_carry_their_own_context()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var builder = NewBuilder();
        var publisher = new OptionPublishers(producer);

        await publisher.SendInTransactionAsync(builder.Build());
        await publisher.SendInTransactionAsync(builder.Build());

        var records = producer.SentMessagesForTest;
        Assert.Equal(2, records.Count);
        foreach (var record in records)
        {
            Assert.Equal(SampledTraceParent(SpanFor(capture, record)), Sent(record, TraceParentKey));
            Assert.Equal(TransactionResolution.Commit, ((Transaction)record.Transaction!).ResolutionForTest);
        }
    }
}
