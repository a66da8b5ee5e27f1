using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Text;
using OpenTelemetry;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Inject/extract through the W3C fast path with the built-in dictionary carriers. In the global-state
/// collection because the outcome depends on the process-wide default propagator, which other tests set.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class ContextPropagationTests : IDisposable
{
    private readonly PropagatorScope _propagator = PropagatorScope.W3CPair();
    private readonly Baggage _baggage = Baggage.Current;

    public void Dispose()
    {
        Baggage.Current = _baggage;
        _propagator.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void String_dictionary_round_trip(bool sampled)
    {
        var context = Contexts.Random(sampled);
        var headers = new Dictionary<string, string>();

        Carriers.Inject(headers, context);
        var extracted = Carriers.Extract(headers);

        Assert.Equal(Contexts.TraceParentOf(context), headers[TraceHeaders.TraceParent]);
        Assert.Equal(context.TraceId, extracted.ActivityContext.TraceId);
        Assert.Equal(context.SpanId, extracted.ActivityContext.SpanId);
        Assert.Equal(context.TraceFlags, extracted.ActivityContext.TraceFlags);
        Assert.True(extracted.ActivityContext.IsRemote);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Object_dictionary_round_trip_writes_utf8_bytes(bool sampled)
    {
        var context = Contexts.Random(sampled);
        var headers = new Dictionary<string, object?>();

        Carriers.Inject(headers, context);
        var extracted = Carriers.Extract(headers);

        var bytes = Assert.IsType<byte[]>(headers[TraceHeaders.TraceParent]);
        Assert.Equal(Contexts.TraceParentOf(context), Encoding.ASCII.GetString(bytes));
        Assert.Equal(context.TraceId, extracted.ActivityContext.TraceId);
        Assert.Equal(context.SpanId, extracted.ActivityContext.SpanId);
        Assert.Equal(context.TraceFlags, extracted.ActivityContext.TraceFlags);
    }

    [Fact]
    public void Object_dictionary_extracts_a_string_value()
    {
        var context = Contexts.Random();
        var headers = new Dictionary<string, object?> { [TraceHeaders.TraceParent] = Contexts.TraceParentOf(context) };

        var extracted = Carriers.Extract(headers);

        Assert.Equal(context.TraceId, extracted.ActivityContext.TraceId);
        Assert.Equal(context.SpanId, extracted.ActivityContext.SpanId);
    }

    [Fact]
    public void Object_dictionary_extracts_a_read_only_memory_value()
    {
        var context = Contexts.Random();
        var headers = new Dictionary<string, object?>
        {
            [TraceHeaders.TraceParent] = new ReadOnlyMemory<byte>(Encoding.ASCII.GetBytes(Contexts.TraceParentOf(context))),
        };

        var extracted = Carriers.Extract(headers);

        Assert.Equal(context.SpanId, extracted.ActivityContext.SpanId);
    }

    [Fact]
    public void Object_dictionary_ignores_values_of_other_types()
    {
        var headers = new Dictionary<string, object?> { [TraceHeaders.TraceParent] = 42, [TraceHeaders.Baggage] = 7 };

        Assert.Equal(default, Carriers.Extract(headers));
    }

    [Fact]
    public void Valid_tracestate_travels_both_ways()
    {
        var context = Contexts.Random(traceState: "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
        var text = new Dictionary<string, string>();
        var binary = new Dictionary<string, object?>();

        Carriers.Inject(text, context);
        Carriers.Inject(binary, context);

        Assert.Equal(context.TraceState, text[TraceHeaders.TraceState]);
        Assert.Equal(context.TraceState, Carriers.Extract(text).ActivityContext.TraceState);
        Assert.Equal(context.TraceState, Carriers.Extract(binary).ActivityContext.TraceState);
    }

    [Fact]
    public void Tracestate_held_as_bytes_is_extracted()
    {
        var context = Contexts.Random();
        var headers = new Dictionary<string, object?>
        {
            [TraceHeaders.TraceParent] = TraceParent.FormatUtf8(context),
            [TraceHeaders.TraceState] = Encoding.ASCII.GetBytes("rojo=1"),
        };

        Assert.Equal("rojo=1", Carriers.Extract(headers).ActivityContext.TraceState);
    }

    [Fact]
    public void Invalid_tracestate_in_the_context_is_not_written()
    {
        var context = Contexts.Random(traceState: "Upper=1");
        var headers = new Dictionary<string, string>();

        Carriers.Inject(headers, context);

        Assert.True(headers.ContainsKey(TraceHeaders.TraceParent));
        Assert.False(headers.ContainsKey(TraceHeaders.TraceState));
    }

    [Theory]
    [InlineData("Upper=1")]
    [InlineData("k=v,k=w")]
    [InlineData("k=caf\u00e9")]
    [InlineData("")]
    public void Invalid_tracestate_in_the_carrier_is_dropped_but_the_context_kept(string traceState)
    {
        var context = Contexts.Random();
        var text = new Dictionary<string, string>
        {
            [TraceHeaders.TraceParent] = Contexts.TraceParentOf(context),
            [TraceHeaders.TraceState] = traceState,
        };
        var binary = new Dictionary<string, object?>
        {
            [TraceHeaders.TraceParent] = Contexts.TraceParentOf(context),
            [TraceHeaders.TraceState] = Encoding.UTF8.GetBytes(traceState),
        };

        foreach (var extracted in new[] { Carriers.Extract(text), Carriers.Extract(binary) })
        {
            Assert.Equal(context.SpanId, extracted.ActivityContext.SpanId);
            Assert.Null(extracted.ActivityContext.TraceState);
        }
    }

    [Fact]
    public void Current_baggage_is_injected_and_extracted()
    {
        Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["tenant"] = "acme corp", ["region"] = "eu" });
        var context = Contexts.Random();
        var text = new Dictionary<string, string>();
        var binary = new Dictionary<string, object?>();

        Carriers.Inject(text, context);
        Carriers.Inject(binary, context);
        Baggage.Current = default;

        foreach (var extracted in new[] { Carriers.Extract(text).Baggage, Carriers.Extract(binary).Baggage })
        {
            Assert.Equal(2, extracted.Count);
            Assert.Equal("acme corp", extracted.GetBaggage("tenant"));
            Assert.Equal("eu", extracted.GetBaggage("region"));
        }
    }

    [Fact]
    public void Baggage_bytes_are_extracted()
    {
        var headers = new Dictionary<string, object?>
        {
            [TraceHeaders.TraceParent] = TraceParent.FormatUtf8(Contexts.Random()),
            [TraceHeaders.Baggage] = Encoding.ASCII.GetBytes("k=v%20w"),
        };

        Assert.Equal("v w", Carriers.Extract(headers).Baggage.GetBaggage("k"));
    }

    [Fact]
    public void Baggage_without_a_traceparent_is_extracted_as_the_W3C_baggage_propagator_would()
    {
        var headers = new Dictionary<string, string> { [TraceHeaders.Baggage] = "k=v" };

        var extracted = Carriers.Extract(headers);

        Assert.Equal(default, extracted.ActivityContext);
        Assert.Equal("v", extracted.Baggage.GetBaggage("k"));
    }

    [Fact]
    public void No_baggage_header_is_written_when_there_is_no_baggage()
    {
        Baggage.Current = default;
        var headers = new Dictionary<string, string>();

        Carriers.Inject(headers, Contexts.Random());

        Assert.Equal(new[] { TraceHeaders.TraceParent }, headers.Keys);
    }

    [Theory]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0")]
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01")]
    [InlineData("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")]
    [InlineData("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01")]
    [InlineData("garbage")]
    [InlineData("")]
    public void Malformed_traceparent_extracts_to_default(string traceParent)
    {
        var text = new Dictionary<string, string> { [TraceHeaders.TraceParent] = traceParent, [TraceHeaders.TraceState] = "rojo=1" };
        var binary = new Dictionary<string, object?> { [TraceHeaders.TraceParent] = Encoding.UTF8.GetBytes(traceParent) };

        Assert.Equal(default, Carriers.Extract(text));
        Assert.Equal(default, Carriers.Extract(binary));
        Assert.False(ContextPropagation.TryReadTraceParent<IDictionary<string, string>?, StringDictionaryHeaders>(text, out _));
    }

    [Fact]
    public void Missing_or_null_carrier_extracts_to_default()
    {
        Assert.Equal(default, Carriers.Extract(new Dictionary<string, string>()));
        Assert.Equal(default, Carriers.Extract((IDictionary<string, string>?)null));
        Assert.Equal(default, Carriers.Extract((IDictionary<string, object?>?)null));
        Assert.Equal(default, Carriers.Extract(new Dictionary<string, object?> { [TraceHeaders.TraceParent] = null }));
    }

    [Fact]
    public void Carrier_that_throws_does_not_throw_out_of_extract_or_inject()
    {
        var headers = new Dictionary<string, string>();

        var extracted = ContextPropagation.Extract<Dictionary<string, string>, ThrowingHeaders>(headers);
        ContextPropagation.Inject<Dictionary<string, string>, ThrowingHeaders>(headers, Contexts.Random());
        bool read = ContextPropagation.TryReadTraceParent<Dictionary<string, string>, ThrowingHeaders>(headers, out var context);

        Assert.Equal(default, extracted);
        Assert.False(read);
        Assert.Equal(default, context);
    }

    [Fact]
    public void Read_only_dictionary_is_not_written()
    {
        Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["k"] = "v" });
        var text = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());
        var binary = new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>());

        Carriers.Inject(text, Contexts.Random());
        Carriers.Inject(binary, Contexts.Random());
        Carriers.Inject((IDictionary<string, string>?)null, Contexts.Random());

        Assert.Empty(text);
        Assert.Empty(binary);
    }

    [Fact]
    public void Default_context_is_not_injected()
    {
        Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["k"] = "v" });
        var headers = new Dictionary<string, string>();

        Carriers.Inject(headers, default);

        Assert.Empty(headers);
    }

    [Fact]
    public void TryReadTraceParent_reads_a_valid_header()
    {
        var context = Contexts.Random();
        var headers = new Dictionary<string, object?> { [TraceHeaders.TraceParent] = TraceParent.FormatUtf8(context) };

        Assert.True(ContextPropagation.TryReadTraceParent<IDictionary<string, object?>?, ObjectDictionaryHeaders>(headers, out var read));
        Assert.Equal(context.SpanId, read.SpanId);
    }
}
