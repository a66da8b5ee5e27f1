using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using OpenTelemetry;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// Bugs in the generator or runtime found by the handler behaviour tests. Each test states the
/// expected behaviour; it failed against the code it was written on and guards the fix from then on.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class HandlerRegressionTests
{
    /// <summary>
    /// A batch handler taking IEnumerable&lt;MessageView&gt; may be given a single-pass sequence (a
    /// queue being drained, a consuming enumerable, a lazy query with side effects). The generated
    /// interceptor enumerates the argument to build the links before calling the handler, so the
    /// handler receives an already-drained sequence: tracing changes what the handler processes.
    /// </summary>
    [Fact]
    public void A_single_pass_batch_sequence_reaches_the_handler_with_all_its_messages()
    {
        using var capture = new TraceCapture();
        var handler = new SettlementBatchHandler();
        var queue = new ConcurrentQueue<MessageView>();
        var contexts = new[] { TestMessages.RandomContext(), TestMessages.RandomContext(), TestMessages.RandomContext() };
        foreach (var context in contexts)
        {
            queue.Enqueue(TestMessages.WithContext(context));
        }

        int handled = handler.HandleSequence(Drain(queue));

        Assert.Equal(3, handled);
        Assert.Equal(3, handler.Enumerated.Count);
    }

    /// <summary>
    /// A [TracedHandler] written as an extension method on the message and called in reduced form
    /// (<c>message.Archive()</c>) has no argument in its argument list, and the call parser skips
    /// calls without arguments, so the call is never intercepted and no span is produced.
    /// </summary>
    [Fact]
    public void An_extension_method_handler_called_on_the_message_is_traced()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);

        Assert.Equal(ConsumeResult.SUCCESS, message.Archive());

        var span = capture.SingleProcess();
        Assert.Equal("extensions", Spans.Tag(span, "messaging.consumer.group.name"));
        Spans.AssertChildOf(span, creation);
    }

    /// <summary>
    /// The RocketMQ client runs the push listener in the execution context of whoever called
    /// <c>Build()</c>. An application that builds its consumer inside a span (a start-up span, a
    /// hosted-service span) leaves that span as Activity.Current on every consumption thread long after
    /// it ended. The default policy then treats the ended span as an ambient parent: every message of
    /// every producer becomes a child of the start-up span, in one trace, instead of being parented on
    /// its own creation context ("the creation context is the parent when there is no ambient span
    /// (a consumer's own thread, a push listener)", HandlerParentPolicy.cs).
    /// </summary>
    [Fact]
    public async Task A_push_listener_built_inside_a_span_that_has_ended_parents_on_the_creation_context()
    {
        using var capture = new TraceCapture();
        var listener = new BillingListener();
        PushConsumer consumer;
        ActivityTraceId startupTrace;
        using (var startup = TraceCapture.TestSource.StartActivity("application-startup"))
        {
            Assert.NotNull(startup);
            startupTrace = startup!.TraceId;
            consumer = await BillingConsumerHost.StartAsync(TestClients.Config(), listener);
        }

        await using (consumer)
        {
            var creation = TestMessages.RandomContext();

            await consumer.DeliverOnConsumptionThreadForTest(TestMessages.WithContext(creation));

            var span = capture.SingleProcess();
            Assert.NotEqual(startupTrace, span.TraceId);
            Spans.AssertChildOf(span, creation);
        }
    }

    /// <summary>
    /// The message's baggage should be Baggage.Current for the whole handler body. For an async
    /// handler the generated interceptor sets <c>Baggage.Current = baggage</c>, calls the handler, and in
    /// its <c>finally</c> (which runs as soon as the handler returns its task at the first await) sets
    /// <c>Baggage.Current = previousBaggage</c>. OpenTelemetry's Baggage.Current setter does not create a
    /// new async-local value: it mutates the BaggageHolder already in the execution context, the same
    /// holder object the suspended handler captured. The restore therefore erases the message baggage
    /// from the handler itself: after its first await the handler sees the caller's baggage.
    /// </summary>
    [Fact]
    public async Task Message_baggage_is_current_in_an_async_handler_after_it_awaits()
    {
        using var capture = new TraceCapture();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new AsyncBillingHandler { Gate = gate.Task };

        var task = handler.HandleAsync(TestMessages.WithContext(TestMessages.RandomContext(), baggage: "tenant=acme"));
        gate.SetResult();
        await task;

        var seen = Assert.Single(handler.Probe.Seen);
        Assert.Same(capture.SingleProcess(), seen.Current);
        Assert.True(seen.Baggage.TryGetValue("tenant", out var tenant), "the message baggage was not current in the handler after its first await");
        Assert.Equal("acme", tenant);
    }

    /// <summary>
    /// Same root cause as above, for sync handlers: when the caller's execution context already holds
    /// baggage (any code up the stack set Baggage.Current, e.g. a request pipeline that then fans out
    /// work with Task.Run), every task shares the caller's BaggageHolder. Each interceptor writes its
    /// message's baggage into that one shared holder, so concurrent handlers see each other's message
    /// baggage, and the interleaved restores leave a message's baggage behind as the caller's baggage.
    /// The schedule below is forced with events so the outcome is deterministic.
    /// </summary>
    [Fact]
    public async Task Concurrent_handlers_under_a_callers_baggage_see_only_their_own_message_baggage()
    {
        using var capture = new TraceCapture();
        var before = Baggage.Current;
        Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["caller"] = "request" });
        try
        {
            using var aEntered = new ManualResetEventSlim();
            using var bEntered = new ManualResetEventSlim();
            using var aRead = new ManualResetEventSlim();
            string? seenByA = null;
            var handlerA = new BillingHandler
            {
                Outcome = _ =>
                {
                    aEntered.Set();
                    Assert.True(bEntered.Wait(TimeSpan.FromSeconds(30)));
                    seenByA = Baggage.Current.GetBaggage("message");
                    aRead.Set();
                    return ConsumeResult.SUCCESS;
                },
            };
            var handlerB = new BillingHandler
            {
                Outcome = _ =>
                {
                    bEntered.Set();
                    Assert.True(aRead.Wait(TimeSpan.FromSeconds(30)));
                    return ConsumeResult.SUCCESS;
                },
            };

            var a = Task.Run(() => handlerA.Handle(TestMessages.WithContext(TestMessages.RandomContext(), baggage: "message=a")));
            Assert.True(aEntered.Wait(TimeSpan.FromSeconds(30)));
            var b = Task.Run(() => handlerB.Handle(TestMessages.WithContext(TestMessages.RandomContext(), baggage: "message=b")));
            await Task.WhenAll(a, b);

            Assert.Equal("a", seenByA);
            Assert.Equal("request", Baggage.Current.GetBaggage("caller"));
            Assert.Null(Baggage.Current.GetBaggage("message"));
        }
        finally
        {
            Baggage.Current = before;
        }
    }

    /// <summary>
    /// An override that calls <c>base.Handle(message)</c> on a virtual [TracedHandler]: the generator
    /// intercepts the base call, but the interceptor (an extension method) can only call
    /// <c>receiver.Handle(p0)</c>, a virtual call, which dispatches back to the override. Without the
    /// re-entrancy guard in <see cref="AuditedLedgerHandler"/> this recurses until the process dies with
    /// a StackOverflowException.
    /// </summary>
    [Fact]
    public void A_base_call_from_an_override_runs_the_base_handler_once()
    {
        using var capture = new TraceCapture();
        var handler = new AuditedLedgerHandler();
        var message = TestMessages.WithContext(TestMessages.RandomContext());

        var result = handler.Handle(message);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        Assert.Equal(1, handler.OverrideEntries);
        Assert.Same(message, Assert.Single(handler.Probe.Seen).Argument);
    }

    /// <summary>The same recursion reached through a variable of the base type.</summary>
    [Fact]
    public void A_virtual_handler_called_through_the_base_type_runs_the_override_and_the_base_once()
    {
        using var capture = new TraceCapture();
        var audited = new AuditedLedgerHandler();
        LedgerHandler handler = audited;
        var message = TestMessages.WithContext(TestMessages.RandomContext());

        var result = handler.Handle(message);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        Assert.Equal(1, audited.OverrideEntries);
        Assert.Single(audited.Probe.Seen);
        Assert.NotEmpty(capture.Process());
    }

    /// <summary>
    /// A Task-returning handler that (wrongly) returns null: untraced, the call returns null and the
    /// caller decides what to do with it; traced, SpanCompletion.StopWhenDone reads <c>task.Status</c>
    /// on the null task and the interceptor throws a NullReferenceException from MessageTrace's code at
    /// the call, which the handler never threw.
    /// </summary>
    [Fact]
    public void A_handler_returning_a_null_task_returns_null_to_its_caller()
    {
        using var capture = new TraceCapture();
        var handler = new AsyncBillingHandler { Pending = null };

        var task = handler.HandleDeferred(TestMessages.WithContext(TestMessages.RandomContext()));

        Assert.Null(task);
        Assert.Single(handler.Probe.Seen);
    }

    /// <summary>
    /// The ended-ambient problem fixed for single-message process spans (MessagingSpans.StartProcess)
    /// remains in MessagingSpans.StartBatch: a receive loop started from inside a span (a hosted
    /// service's start-up span, say) keeps that span as Activity.Current after it ended, and every
    /// receive span hangs under it, making one endless trace of all pulls.
    /// </summary>
    [Fact]
    public async Task A_receive_loop_started_inside_a_span_that_has_ended_does_not_put_receive_spans_under_it()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        consumer.EnqueueReceiveBatchForTest(TestMessages.WithContext(TestMessages.RandomContext()));

        var startupTrace = await RunInLoopStartedUnderEndedSpan(() => poller.PollOnceAsync());

        var receive = Assert.Single(capture.OfType("receive"));
        Assert.NotEqual(startupTrace, receive.TraceId);
        Spans.AssertRoot(receive);
    }

    /// <summary>Same as above for a batch handler's process span (MessagingSpans.StartBatch).</summary>
    [Fact]
    public async Task A_batch_handler_in_a_loop_started_inside_a_span_that_has_ended_is_not_parented_on_it()
    {
        using var capture = new TraceCapture();
        var handler = new SettlementBatchHandler();
        var batch = new List<MessageView> { TestMessages.WithContext(TestMessages.RandomContext()) };

        var startupTrace = await RunInLoopStartedUnderEndedSpan(() =>
        {
            handler.HandleList(batch);
            return Task.CompletedTask;
        });

        var span = capture.SingleProcess();
        Assert.NotEqual(startupTrace, span.TraceId);
        Spans.AssertRoot(span);
    }

    /// <summary>Same as above for an acknowledgement's settle span (MessagingSpans.StartSettle).</summary>
    [Fact]
    public async Task An_ack_in_a_loop_started_inside_a_span_that_has_ended_is_not_parented_on_it()
    {
        using var capture = new TraceCapture();
        await using var consumer = await TestClients.SimpleConsumerAsync();
        var poller = new InventoryPoller(consumer, new BillingHandler());
        var messages = new[] { TestMessages.WithContext(TestMessages.RandomContext()) };

        var startupTrace = await RunInLoopStartedUnderEndedSpan(() => poller.SettleAsync(messages));

        var settle = Assert.Single(capture.OfType("settle"));
        Assert.NotEqual(startupTrace, settle.TraceId);
        Spans.AssertRoot(settle);
    }

    /// <summary>
    /// Starts <paramref name="work"/> on a background loop from inside a span, ends the span, and only
    /// then lets the loop run: the loop's Activity.Current is the ended span, as in an application that
    /// starts its consumer loop from a start-up span. Returns the ended span's trace id.
    /// </summary>
    private static async Task<ActivityTraceId> RunInLoopStartedUnderEndedSpan(Func<Task> work)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task loop;
        ActivityTraceId startupTrace;
        using (var startup = TraceCapture.TestSource.StartActivity("application-startup"))
        {
            Assert.NotNull(startup);
            startupTrace = startup!.TraceId;
            loop = Task.Run(async () =>
            {
                await gate.Task;
                await work();
            });
        }

        gate.SetResult();
        await loop;
        return startupTrace;
    }

    private static IEnumerable<MessageView> Drain(ConcurrentQueue<MessageView> queue)
    {
        while (queue.TryDequeue(out var message))
        {
            yield return message;
        }
    }
}
