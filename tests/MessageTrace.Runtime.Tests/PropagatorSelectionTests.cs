using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Which propagator MessageTrace uses: the one set through <c>Sdk.SetDefaultTextMapPropagator</c>,
/// except that OpenTelemetry's own W3C pair (and the API's no-op default) take the built-in fast path.
/// The fast path is observable: with an object-valued carrier it writes <c>traceparent</c> as
/// <c>byte[]</c>, where any propagator called through its string setter writes a string.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class PropagatorSelectionTests : IDisposable
{
    private readonly Baggage _baggage = Baggage.Current;

    public void Dispose() => Baggage.Current = _baggage;

    [Fact]
    public void Custom_propagator_is_used_for_inject()
    {
        var propagator = new XTestPropagator();
        var context = Contexts.Random();
        var text = new Dictionary<string, string>();
        var binary = new Dictionary<string, object?>();

        using (new PropagatorScope(propagator))
        {
            Carriers.Inject(text, context);
            Carriers.Inject(binary, context);
        }

        Assert.Equal(2, propagator.InjectCalls);
        Assert.Equal(XTestPropagator.Encode(context), text[XTestPropagator.Header]);
        Assert.Equal(XTestPropagator.Encode(context), binary[XTestPropagator.Header]);
        Assert.False(text.ContainsKey(TraceHeaders.TraceParent));
        Assert.False(binary.ContainsKey(TraceHeaders.TraceParent));
    }

    [Fact]
    public void Custom_propagator_is_used_for_extract()
    {
        var propagator = new XTestPropagator();
        var context = Contexts.Random();
        var custom = new Dictionary<string, string> { [XTestPropagator.Header] = XTestPropagator.Encode(context) };
        var customBytes = new Dictionary<string, object?> { [XTestPropagator.Header] = Encoding.ASCII.GetBytes(XTestPropagator.Encode(context)) };
        var w3cOnly = new Dictionary<string, string> { [TraceHeaders.TraceParent] = Contexts.TraceParentOf(Contexts.Random()) };

        PropagationContext fromCustom, fromCustomBytes, fromW3C;
        using (new PropagatorScope(propagator))
        {
            fromCustom = Carriers.Extract(custom);
            fromCustomBytes = Carriers.Extract(customBytes);
            fromW3C = Carriers.Extract(w3cOnly);
        }

        Assert.Equal(3, propagator.ExtractCalls);
        Assert.Equal(context.SpanId, fromCustom.ActivityContext.SpanId);
        Assert.Equal(context.TraceId, fromCustom.ActivityContext.TraceId);
        Assert.Equal(context.SpanId, fromCustomBytes.ActivityContext.SpanId);
        Assert.Equal(default, fromW3C.ActivityContext);
    }

    [Fact]
    public void Custom_propagator_that_declares_no_fields_is_still_used()
    {
        var propagator = new FieldlessXTestPropagator();
        var context = Contexts.Random();
        var headers = new Dictionary<string, string>();

        using (new PropagatorScope(propagator))
        {
            Carriers.Inject(headers, context);
        }

        Assert.Equal(1, propagator.InjectCalls);
        Assert.Equal(XTestPropagator.Encode(context), headers[XTestPropagator.Header]);
    }

    [Fact]
    public void Subclass_of_the_W3C_propagator_is_called_not_replaced_by_the_fast_path()
    {
        var headers = new Dictionary<string, string>();
        var context = Contexts.Random();

        using (new PropagatorScope(new VendorTraceContextPropagator()))
        {
            Carriers.Inject(headers, context);
        }

        Assert.Equal("seen", headers[VendorTraceContextPropagator.Header]);
        Assert.Equal(Contexts.TraceParentOf(context), headers[TraceHeaders.TraceParent]);
    }

    [Fact]
    public void Composite_with_a_custom_member_calls_every_member()
    {
        var custom = new XTestPropagator();
        var context = Contexts.Random();
        var headers = new Dictionary<string, object?>();

        using (new PropagatorScope(new CompositeTextMapPropagator(new TextMapPropagator[] { new TraceContextPropagator(), custom })))
        {
            Carriers.Inject(headers, context);
        }

        Assert.Equal(1, custom.InjectCalls);
        Assert.Equal(XTestPropagator.Encode(context), headers[XTestPropagator.Header]);

        // Written by OpenTelemetry's propagator through the string setter, not by the fast path.
        Assert.Equal(Contexts.TraceParentOf(context), Assert.IsType<string>(headers[TraceHeaders.TraceParent]));
    }

    [Fact]
    public void W3C_pair_takes_the_fast_path_with_baggage()
    {
        Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["k"] = "v" });
        var context = Contexts.Random();
        var headers = new Dictionary<string, object?>();

        using (PropagatorScope.W3CPair())
        {
            Assert.True(PropagatorMode.IsW3C(Propagators.DefaultTextMapPropagator, out bool withBaggage));
            Assert.True(withBaggage);
            Carriers.Inject(headers, context);
        }

        Assert.Equal(TraceParent.FormatUtf8(context), Assert.IsType<byte[]>(headers[TraceHeaders.TraceParent]));
        // A byte[] carrier gets every trace header as UTF-8 bytes, as it gets traceparent.
        Assert.Equal("k=v"u8.ToArray(), Assert.IsType<byte[]>(headers[TraceHeaders.Baggage]));
    }

    [Fact]
    public void Trace_context_propagator_alone_takes_the_fast_path_without_baggage()
    {
        Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["k"] = "v" });
        var context = Contexts.Random();
        var outgoing = new Dictionary<string, object?>();
        var incoming = new Dictionary<string, string>
        {
            [TraceHeaders.TraceParent] = Contexts.TraceParentOf(context),
            [TraceHeaders.Baggage] = "k=v",
        };

        PropagationContext extracted;
        using (new PropagatorScope(new TraceContextPropagator()))
        {
            Assert.True(PropagatorMode.IsW3C(Propagators.DefaultTextMapPropagator, out bool withBaggage));
            Assert.False(withBaggage);
            Carriers.Inject(outgoing, context);
            extracted = Carriers.Extract(incoming);
        }

        Assert.IsType<byte[]>(outgoing[TraceHeaders.TraceParent]);
        Assert.False(outgoing.ContainsKey(TraceHeaders.Baggage));
        Assert.Equal(context.SpanId, extracted.ActivityContext.SpanId);
        Assert.Equal(0, extracted.Baggage.Count);
    }

    [Fact]
    public void Baggage_propagator_alone_is_called_and_carries_no_trace_context()
    {
        Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["k"] = "v" });
        var headers = new Dictionary<string, string>();

        using (new PropagatorScope(new BaggagePropagator()))
        {
            Assert.False(PropagatorMode.IsW3C(Propagators.DefaultTextMapPropagator, out _));
            Carriers.Inject(headers, Contexts.Random());
        }

        Assert.False(headers.ContainsKey(TraceHeaders.TraceParent));
        Assert.Equal("k=v", headers[TraceHeaders.Baggage]);
    }

    [Fact]
    public void Api_no_op_default_still_propagates_W3C_context_and_baggage()
    {
        Assert.Equal("NoopTextMapPropagator", PropagatorScope.ApiDefault.GetType().Name);
        Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["k"] = "v" });
        var context = Contexts.Random();
        var headers = new Dictionary<string, string>();

        PropagationContext extracted;
        using (new PropagatorScope(PropagatorScope.ApiDefault))
        {
            Carriers.Inject(headers, context);
            extracted = Carriers.Extract(headers);
        }

        Assert.Equal(Contexts.TraceParentOf(context), headers[TraceHeaders.TraceParent]);
        Assert.Equal(context.SpanId, extracted.ActivityContext.SpanId);
        Assert.Equal("v", extracted.Baggage.GetBaggage("k"));
    }

    [Fact]
    public void Propagator_that_throws_does_not_throw_out_of_inject_or_extract()
    {
        var headers = new Dictionary<string, string> { [TraceHeaders.TraceParent] = Contexts.TraceParentOf(Contexts.Random()) };

        PropagationContext extracted;
        using (new PropagatorScope(new ThrowingPropagator()))
        {
            Carriers.Inject(new Dictionary<string, string>(), Contexts.Random());
            extracted = Carriers.Extract(headers);
        }

        Assert.Equal(default, extracted);
    }

    [Fact]
    public void Switching_propagators_back_restores_the_fast_path()
    {
        var context = Contexts.Random();
        var headers = new Dictionary<string, object?>();

        using (PropagatorScope.W3CPair())
        {
            using (new PropagatorScope(new XTestPropagator()))
            {
                Carriers.Inject(new Dictionary<string, object?>(), context);
            }

            Carriers.Inject(headers, context);
        }

        Assert.IsType<byte[]>(headers[TraceHeaders.TraceParent]);
        Assert.False(headers.ContainsKey(XTestPropagator.Header));
    }
}
