using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// Many messages, each created in its own trace, handled in parallel: every process span belongs to
/// its own message's trace, links to its own message, and is the one current in its own handler call.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class ConcurrencyTests
{
    private const int MessageCount = 10_000;

    [Fact]
    public async Task Parallel_async_handlers_never_mix_up_contexts()
    {
        using var capture = new TraceCapture();
        var handler = new AsyncBillingHandler();
        var (messages, contexts) = CreateMessages();
        var results = new ConcurrentDictionary<string, ConsumeResult>();

        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (message, _) =>
        {
            results[message.MessageId] = await handler.HandleAsync(message);
        });

        Assert.Equal(MessageCount, results.Count);
        AssertNoCrossTalk(capture, handler.Probe, messages, contexts);
    }

    [Fact]
    public async Task Sync_handlers_on_a_task_per_message_never_mix_up_contexts()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var (messages, contexts) = CreateMessages();

        await Task.WhenAll(messages.Select(message => Task.Run(() => handler.Handle(message))));

        AssertNoCrossTalk(capture, handler.Probe, messages, contexts);
    }

    private static (MessageView[] Messages, Dictionary<string, ActivityContext> Contexts) CreateMessages()
    {
        var messages = new MessageView[MessageCount];
        var contexts = new Dictionary<string, ActivityContext>(MessageCount);
        for (int i = 0; i < MessageCount; i++)
        {
            var context = TestMessages.RandomContext();
            var id = TestMessages.NextId();
            messages[i] = TestMessages.WithContext(context, baggage: "message.id=" + id, messageId: id);
            contexts.Add(id, context);
        }

        Assert.Equal(MessageCount, contexts.Values.Select(static c => c.TraceId).Distinct().Count());
        return (messages, contexts);
    }

    private static void AssertNoCrossTalk(TraceCapture capture, HandlerProbe probe, MessageView[] messages, Dictionary<string, ActivityContext> contexts)
    {
        var spans = capture.Process();
        Assert.Equal(MessageCount, spans.Count);
        var spanById = new Dictionary<string, Activity>(MessageCount);
        foreach (var span in spans)
        {
            var id = Assert.IsType<string>(Spans.Tag(span, "messaging.message.id"));
            spanById.Add(id, span);
            var context = contexts[id];
            if (span.TraceId != context.TraceId || span.ParentSpanId != context.SpanId)
            {
                Assert.Fail($"process span of {id} is in trace {span.TraceId} under {span.ParentSpanId}, expected {context.TraceId} under {context.SpanId}");
            }

            var link = Assert.Single(span.Links);
            if (link.Context.TraceId != context.TraceId || link.Context.SpanId != context.SpanId)
            {
                Assert.Fail($"process span of {id} links to {link.Context.TraceId}/{link.Context.SpanId}");
            }
        }

        var seen = probe.Seen;
        Assert.Equal(MessageCount, seen.Count);
        foreach (var observation in seen)
        {
            var message = Assert.IsType<MessageView>(observation.Argument);
            if (!ReferenceEquals(observation.Current, spanById[message.MessageId]))
            {
                Assert.Fail($"handler of {message.MessageId} saw {observation.Current?.TagObjects.FirstOrDefault(t => t.Key == "messaging.message.id").Value ?? "no"} span as current");
            }

            if (!observation.Baggage.TryGetValue("message.id", out var baggageId) || baggageId != message.MessageId)
            {
                Assert.Fail($"handler of {message.MessageId} saw baggage message.id={baggageId}");
            }
        }

        Assert.Equal(messages.Length, seen.Select(static o => o.Argument).Distinct().Count());
        Assert.Null(Activity.Current);
    }
}
