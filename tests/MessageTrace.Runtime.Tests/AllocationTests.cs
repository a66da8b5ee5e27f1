using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// The paths that run per message when tracing is off or the input is bad must not allocate. Each test
/// warms up, then counts the bytes the current thread allocates over a loop. In the global-state
/// collection: a listener registered by a test running in parallel would change what these paths do.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class AllocationTests : IDisposable
{
    private const int Iterations = 10_000;
    private const string Malformed = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0x";

    private readonly PropagatorScope _propagator = PropagatorScope.W3CPair();
    private readonly Activity? _previous = Activity.Current;

    public AllocationTests()
    {
        Activity.Current = null;
    }

    public void Dispose()
    {
        Activity.Current = _previous;
        _propagator.Dispose();
    }

    [Fact]
    public void StartSend_and_StartProcess_without_a_listener_allocate_nothing()
    {
        Assert.False(MessageTraceSource.Source.HasListeners());
        var creation = Contexts.Random();
        int started = 0;
        for (int i = 0; i < 100; i++)
        {
            started += MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, creation) is null ? 0 : 1;
            started += MessagingSpans.StartProcess(MessagingSystems.RocketMq, "orders", null, "g", creation, HandlerParentPolicy.CreationContextAlways) is null ? 0 : 1;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            started += MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, creation) is null ? 0 : 1;
            started += MessagingSpans.StartProcess(MessagingSystems.RocketMq, "orders", null, "g", creation, HandlerParentPolicy.CreationContextAlways) is null ? 0 : 1;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, started);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Start_helpers_with_a_listener_that_does_not_sample_allocate_nothing()
    {
        // With a parent (the ambient span, or the creation context under CreationContextAlways) the
        // framework's own StartActivity allocates nothing for an unsampled span, so any byte here would be
        // MessageTrace's: a tag list, a link array, an enumerator, a span name.
        using var listener = new MessageTraceListener(ActivitySamplingResult.None, recordSamples: false);
        using var ambient = new AmbientActivity();
        Assert.True(MessageTraceSource.Source.HasListeners());
        var creation = Contexts.Random();
        int started = 0;
        for (int i = 0; i < 100; i++)
        {
            started += MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, creation) is null ? 0 : 1;
            started += MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", "orders-{id}", default) is null ? 0 : 1;
            started += MessagingSpans.StartProcess(MessagingSystems.RocketMq, "orders", null, "g", creation, HandlerParentPolicy.CreationContextAlways) is null ? 0 : 1;
            started += MessagingSpans.StartSettle(MessagingSystems.RocketMq, "ack", "orders", "g", creation) is null ? 0 : 1;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            started += MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, creation) is null ? 0 : 1;
            started += MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", "orders-{id}", default) is null ? 0 : 1;
            started += MessagingSpans.StartProcess(MessagingSystems.RocketMq, "orders", null, "g", creation, HandlerParentPolicy.CreationContextAlways) is null ? 0 : 1;
            started += MessagingSpans.StartSettle(MessagingSystems.RocketMq, "ack", "orders", "g", creation) is null ? 0 : 1;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, started);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Root_StartSend_with_a_listener_that_does_not_sample_allocates_no_more_than_StartActivity_itself()
    {
        // For a root (default parent, no ambient span) System.Diagnostics allocates on its own when any
        // listener is attached (ActivityCreationOptions boxes the default parent context), so 0 is not
        // reachable; what MessageTrace controls is that it adds nothing on top of the bare call.
        using var listener = new MessageTraceListener(ActivitySamplingResult.None, recordSamples: false);
        Assert.Null(Activity.Current);
        var source = MessageTraceSource.Source;
        var creation = Contexts.Random();
        int started = 0;
        for (int i = 0; i < 100; i++)
        {
            started += source.StartActivity("send orders", ActivityKind.Producer, default(ActivityContext)) is null ? 0 : 1;
            started += MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, creation) is null ? 0 : 1;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            started += source.StartActivity("send orders", ActivityKind.Producer, default(ActivityContext)) is null ? 0 : 1;
        }

        long framework = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            started += MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, creation) is null ? 0 : 1;
        }

        long messageTrace = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, started);
        Assert.Equal(framework, messageTrace);
    }

    [Fact]
    public void Extract_and_Inspect_of_a_malformed_traceparent_allocate_nothing()
    {
        var text = new Dictionary<string, string> { [TraceHeaders.TraceParent] = Malformed };
        var binary = new Dictionary<string, object?> { [TraceHeaders.TraceParent] = Encoding.ASCII.GetBytes(Malformed) };
        int found = 0;
        for (int i = 0; i < 100; i++)
        {
            found += Carriers.Extract(text).ActivityContext == default ? 0 : 1;
            found += Carriers.Extract(binary).ActivityContext == default ? 0 : 1;
            found += Carriers.Inspect(text, out var a) == CarrierState.UserContext && a == default ? 0 : 1;
            found += Carriers.Inspect(binary, out var b) == CarrierState.UserContext && b == default ? 0 : 1;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            found += Carriers.Extract(text).ActivityContext == default ? 0 : 1;
            found += Carriers.Extract(binary).ActivityContext == default ? 0 : 1;
            found += Carriers.Inspect(text, out var a) == CarrierState.UserContext && a == default ? 0 : 1;
            found += Carriers.Inspect(binary, out var b) == CarrierState.UserContext && b == default ? 0 : 1;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, found);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Extract_with_no_headers_allocates_nothing()
    {
        var text = new Dictionary<string, string>();
        var binary = new Dictionary<string, object?>();
        int found = 0;
        for (int i = 0; i < 100; i++)
        {
            found += Carriers.Extract(text).ActivityContext == default ? 0 : 1;
            found += Carriers.Extract(binary).ActivityContext == default ? 0 : 1;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            found += Carriers.Extract(text).ActivityContext == default ? 0 : 1;
            found += Carriers.Extract(binary).ActivityContext == default ? 0 : 1;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, found);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TraceParent_TryParse_of_invalid_input_allocates_nothing()
    {
        string[] inputs =
        {
            Malformed,
            "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "00-00000000000000000000000000000000-b7ad6b7169203331-01",
            "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
            "cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01.x",
            string.Empty,
            new string('f', 100_000),
        };
        byte[][] utf8 = Array.ConvertAll(inputs, Encoding.UTF8.GetBytes);
        int parsed = 0;
        for (int round = 0; round < 100; round++)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                parsed += TraceParent.TryParse(inputs[i], out _) ? 1 : 0;
                parsed += TraceParent.TryParse(inputs[i].AsSpan(), out _) ? 1 : 0;
                parsed += TraceParent.TryParse((ReadOnlySpan<byte>)utf8[i], out _) ? 1 : 0;
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < Iterations / 10; round++)
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                parsed += TraceParent.TryParse(inputs[i], out _) ? 1 : 0;
                parsed += TraceParent.TryParse(inputs[i].AsSpan(), out _) ? 1 : 0;
                parsed += TraceParent.TryParse((ReadOnlySpan<byte>)utf8[i], out _) ? 1 : 0;
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, parsed);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ProducerContext_IsActive_without_listener_or_ambient_allocates_nothing()
    {
        Assert.False(MessageTraceSource.Source.HasListeners());
        Assert.Null(Activity.Current);
        int active = 0;
        for (int i = 0; i < 100; i++)
        {
            active += ProducerContext.IsActive ? 1 : 0;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            active += ProducerContext.IsActive ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, active);
        Assert.Equal(0, allocated);
    }
}
