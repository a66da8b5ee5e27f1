using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Putting the caller's span back after a traced call (<see cref="CallerContext"/>): the caller sees exactly
/// what an untraced call would have left, and the common case (nothing but our span changed) allocates nothing.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class CallerContextTests
{
    private static readonly MessagingSite s_site = new("test");
    private static readonly AsyncLocal<string?> s_clientState = new();

    [Fact]
    public void After_a_traced_send_the_callers_span_is_current_again()
    {
        using var listener = new MessageTraceListener();
        using var ambient = new AmbientActivity();
        Activity? duringSend = null;

        TracedSend.SendVoid(s_site, new TestOutgoing(new TestMessage("orders")), 0, (m, a) => duringSend = Activity.Current);

        var span = Assert.Single(listener.Stopped);
        Assert.Same(span, duringSend);
        Assert.Same(ambient.Activity, Activity.Current);
    }

    [Fact]
    public void What_a_synchronous_client_sets_in_an_async_local_stays_set_for_the_caller_as_without_tracing()
    {
        using var listener = new MessageTraceListener();
        using var ambient = new AmbientActivity();
        s_clientState.Value = null;

        TracedSend.SendVoid(s_site, new TestOutgoing(new TestMessage("orders")), 0, static (m, a) => s_clientState.Value = "set by the client");

        Assert.Equal("set by the client", s_clientState.Value);
        Assert.Same(ambient.Activity, Activity.Current);
        Assert.Single(listener.Stopped);
        s_clientState.Value = null;
    }

    [Fact]
    public void What_a_synchronous_handler_sets_in_an_async_local_stays_set_for_the_caller_as_without_tracing()
    {
        using var listener = new MessageTraceListener();
        using var ambient = new AmbientActivity();
        s_clientState.Value = null;

        TracedHandler.InvokeVoid(s_site, default(TestIncoming), new TestMessage("orders"), 0, static (m, a) => s_clientState.Value = "set by the handler");

        Assert.Equal("set by the handler", s_clientState.Value);
        Assert.Same(ambient.Activity, Activity.Current);
        Assert.Single(listener.Stopped);
        s_clientState.Value = null;
    }

    [Fact]
    public void With_execution_context_flow_suppressed_the_callers_span_is_still_put_back()
    {
        using var listener = new MessageTraceListener();
        using var ambient = new AmbientActivity();

        using (ExecutionContext.SuppressFlow())
        {
            TracedSend.SendVoid(s_site, new TestOutgoing(new TestMessage("orders")), 0, static (m, a) => { });
            Assert.Same(ambient.Activity, Activity.Current);
        }

        Assert.Single(listener.Stopped);
    }

    [Fact]
    public async Task An_async_send_ends_its_span_when_the_task_completes_and_leaves_the_callers_span_current()
    {
        using var listener = new MessageTraceListener();
        using var ambient = new AmbientActivity();
        var completion = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var sent = TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders")), completion, static (m, a) => a.Task);

        Assert.Same(ambient.Activity, Activity.Current);
        Assert.Empty(listener.Stopped);
        completion.SetResult(1);
        Assert.Equal(1, await sent);
        Assert.Single(listener.Stopped);
    }

    [Fact]
    public void Putting_the_callers_span_back_allocates_nothing_when_only_our_span_changed_the_context()
    {
        using var listener = new MessageTraceListener(recordSamples: false);
        using var ambient = new AmbientActivity();
        using var ours = new Activity("ours").Start();
        Activity.Current = ambient.Activity;
        for (int i = 0; i < 100; i++)
        {
            EnterAndRestore(ours);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long restoring = 0;
        for (int i = 0; i < 1_000; i++)
        {
            var caller = CallerContext.Capture();
            Activity.Current = ours;
            caller.Entered();
            long beforeRestore = GC.GetAllocatedBytesForCurrentThread();
            caller.Restore();
            restoring += GC.GetAllocatedBytesForCurrentThread() - beforeRestore;
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() > before, "making our span current builds a context: the loop ran");
        Assert.Equal(0, restoring);
        Assert.Same(ambient.Activity, Activity.Current);
    }

    private static void EnterAndRestore(Activity ours)
    {
        var caller = CallerContext.Capture();
        Activity.Current = ours;
        caller.Entered();
        caller.Restore();
    }
}
