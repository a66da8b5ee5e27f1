using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// <see cref="TracedSend"/>: what every generated send interceptor relies on, through an adapter of the
/// tests' own: untraced pass-through, span and context, errors, cancellation, user contexts, shared and
/// concurrently used header collections.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class TracedSendTests
{
    private static readonly MessagingSite s_site = new("test");

    [Fact]
    public async Task With_nothing_listening_and_no_ambient_span_the_client_gets_the_message_untouched()
    {
        var message = new TestMessage("orders");

        var result = await TracedSend.SendAsync(s_site, new TestOutgoing(message), 7, static (m, a) => Task.FromResult(a + m.Message!.Topic.Length));

        Assert.Equal(13, result);
        Assert.Null(message.Headers);
    }

    [Fact]
    public async Task A_traced_send_starts_a_producer_span_and_writes_its_context_into_the_headers()
    {
        using var listener = new MessageTraceListener();
        var message = new TestMessage("orders", id: "m-1");

        await TracedSend.SendAsync(s_site, new TestOutgoing(message), 0, static (m, a) => Task.FromResult("receipt"));

        var span = Assert.Single(listener.Stopped);
        Assert.Equal("send orders", span.DisplayName);
        Assert.Equal(ActivityKind.Producer, span.Kind);
        Assert.Equal("m-1", span.GetTagItem(MessagingAttributes.MessageId));
        Assert.Equal("receipt", span.GetTagItem("test.result"));
        Assert.True(Carriers.Extract(message.Headers).ActivityContext.SpanId == span.SpanId);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void A_synchronous_exception_reaches_the_caller_unchanged_and_is_recorded()
    {
        using var listener = new MessageTraceListener();
        var thrown = new InvalidOperationException("broker down");

        var caught = Assert.Throws<InvalidOperationException>(() =>
            TracedSend.Send(s_site, new TestOutgoing(new TestMessage("orders")), thrown, static (m, a) => a is null ? 0 : throw a));

        Assert.Same(thrown, caught);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.GetTagItem(MessagingAttributes.ErrorType));
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task A_cancelled_send_ends_its_span_as_an_error()
    {
        using var listener = new MessageTraceListener();
        var pending = new TaskCompletionSource<int>();

        var task = TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders")), pending, static (m, a) => a.Task);
        Assert.Empty(listener.Stopped);
        pending.SetCanceled();

        await Assert.ThrowsAsync<TaskCanceledException>(() => task);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal(typeof(TaskCanceledException).FullName, span.GetTagItem(MessagingAttributes.ErrorType));
    }

    [Fact]
    public async Task A_users_own_traceparent_is_kept_and_linked()
    {
        using var listener = new MessageTraceListener();
        var users = Contexts.Random();
        var headers = new Dictionary<string, string>();
        Carriers.Inject(headers, users);
        string written = headers[TraceHeaders.TraceParent];

        await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", headers)), 0, static (m, a) => Task.CompletedTask);

        Assert.Equal(written, headers[TraceHeaders.TraceParent]);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal(users.SpanId, Assert.Single(span.Links).Context.SpanId);
    }

    [Fact]
    public async Task A_shared_collection_holding_an_earlier_sends_context_makes_the_adapter_copy_the_message()
    {
        using var listener = new MessageTraceListener();
        var shared = new Dictionary<string, string> { ["user"] = "kept" };
        var first = new TestMessage("orders", shared);
        var second = new TestMessage("orders", shared);
        var sent = new StrongBox();

        await TracedSend.SendAsync(s_site, new TestOutgoing(first, shared: true), 0, static (m, a) => Task.CompletedTask);
        await TracedSend.SendAsync(s_site, new TestOutgoing(second, shared: true), sent, static (m, a) => { a.Value = m.Message; return Task.CompletedTask; });

        var spans = listener.Stopped;
        Assert.Equal(2, spans.Count);
        Assert.NotSame(second, sent.Value);
        Assert.Equal("kept", sent.Value!.Headers!["user"]);
        Assert.Equal(spans[0].SpanId, Carriers.Extract(shared).ActivityContext.SpanId);
        Assert.Equal(spans[1].SpanId, Carriers.Extract(sent.Value.Headers).ActivityContext.SpanId);
        Assert.Empty(spans[1].Links);
    }

    [Fact]
    public async Task Concurrent_sends_sharing_one_collection_never_carry_each_others_context()
    {
        using var listener = new MessageTraceListener();
        var shared = new Dictionary<string, string>();
        var sent = new System.Collections.Concurrent.ConcurrentBag<(TestMessage Message, string SpanId)>();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
            TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", shared), shared: true), sent, static (m, a) =>
            {
                a.Add((m.Message!, Activity.Current!.SpanId.ToHexString()));
                return Task.CompletedTask;
            }))));

        Assert.Equal(64, sent.Count);
        foreach (var (message, spanId) in sent)
        {
            Assert.Equal(spanId, Carriers.Extract(message.Headers).ActivityContext.SpanId.ToHexString());
        }
    }

    [Fact]
    public async Task Untraced_sends_of_a_shared_collection_never_carry_the_context_written_for_an_earlier_send()
    {
        var shared = new Dictionary<string, string>();
        using (new MessageTraceListener())
        {
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", shared), shared: true), 0, static (m, a) => Task.CompletedTask);
        }

        var untraced = new StrongBox();
        await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", shared), shared: true), untraced, static (m, a) => { a.Value = m.Message; return Task.CompletedTask; });

        Assert.NotNull(untraced.Value);
        Assert.False(untraced.Value!.Headers!.ContainsKey(TraceHeaders.TraceParent));
    }

    [Fact]
    public async Task Untraced_sends_of_reused_headers_that_cannot_be_copied_drop_the_earlier_sends_trace_headers_and_keep_the_users()
    {
        var reused = new Dictionary<string, string> { ["user"] = "kept" };
        using (new AmbientActivity(traceState: "rojo=00f067aa0ba902b7"))
        using (new MessageTraceListener())
        {
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
        }

        Assert.True(reused.ContainsKey(TraceHeaders.TraceParent));
        Assert.True(reused.ContainsKey(TraceHeaders.TraceState));
        var untraced = new StrongBox();
        await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), untraced, static (m, a) => { a.Value = m.Message; return Task.CompletedTask; });

        Assert.Equal(["user"], untraced.Value!.Headers!.Keys);
        Assert.Equal("kept", reused["user"]);
    }

    [Fact]
    public async Task A_traced_send_of_reused_headers_replaces_the_earlier_sends_context_and_leaves_none_of_its_companions()
    {
        using var listener = new MessageTraceListener();
        var reused = new Dictionary<string, string>();
        using (new AmbientActivity(traceState: "rojo=00f067aa0ba902b7"))
        {
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
        }

        await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);

        var second = listener.Stopped[^1];
        Assert.Equal(second.SpanId, Carriers.Extract(reused).ActivityContext.SpanId);
        Assert.False(reused.ContainsKey(TraceHeaders.TraceState));
        Assert.Empty(second.Links);
    }

    [Fact]
    public async Task A_users_traceparent_in_reused_headers_stays_when_tracing_is_off()
    {
        var users = Contexts.TraceParentOf(Contexts.Random());
        var reused = new Dictionary<string, string> { [TraceHeaders.TraceParent] = users };

        await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);

        Assert.Equal(users, reused[TraceHeaders.TraceParent]);
    }

    [Fact]
    public async Task A_context_the_caller_injects_over_ours_is_kept_as_the_callers()
    {
        using var listener = new MessageTraceListener();
        var reused = new Dictionary<string, string>();
        await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
        var users = Contexts.Random();

        Carriers.Inject(reused, users);
        await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);

        Assert.Equal(users.SpanId, Carriers.Extract(reused).ActivityContext.SpanId);
        Assert.Equal(users.SpanId, Assert.Single(listener.Stopped[^1].Links).Context.SpanId);
    }

    [Fact]
    public async Task Our_baggage_written_over_the_users_baggage_header_is_ours_to_remove_later()
    {
        var reused = new Dictionary<string, string> { [TraceHeaders.Baggage] = "tenant=a" };
        using (PropagatorScope.W3CPair())
        {
            using (new MessageTraceListener())
            {
                OpenTelemetry.Baggage.Current = OpenTelemetry.Baggage.Create(new Dictionary<string, string> { ["user"] = "alice" });
                await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
                OpenTelemetry.Baggage.Current = default;
            }

            Assert.Equal("user=alice", reused[TraceHeaders.Baggage]);
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
        }

        Assert.False(reused.ContainsKey(TraceHeaders.Baggage));
        Assert.False(reused.ContainsKey(TraceHeaders.TraceParent));
    }

    [Fact]
    public void With_no_listener_but_an_ambient_span_its_context_still_travels()
    {
        using var ambient = new AmbientActivity();
        var message = new TestMessage("orders");

        TracedSend.SendVoid(s_site, new TestOutgoing(message), 0, static (m, a) => { });

        Assert.Equal(ambient.Context.SpanId, Carriers.Extract(message.Headers).ActivityContext.SpanId);
        Assert.Same(ambient.Activity, Activity.Current);
    }

    private sealed class StrongBox
    {
        public TestMessage? Value { get; set; }
    }
}
