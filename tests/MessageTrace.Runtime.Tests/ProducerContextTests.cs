using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Text;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Producer-side classification and injection. In the global-state collection because injection
/// follows the process-wide default propagator.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class ProducerContextTests : IDisposable
{
    private readonly PropagatorScope _propagator = PropagatorScope.W3CPair();

    public void Dispose() => _propagator.Dispose();

    [Fact]
    public void Empty_headers_are_empty()
    {
        Assert.Equal(CarrierState.Empty, Carriers.Inspect(new Dictionary<string, string>(), out var user));
        Assert.Equal(default, user);
        Assert.Equal(CarrierState.Empty, Carriers.Inspect(new Dictionary<string, object?> { ["other"] = "x" }, out _));
    }

    [Fact]
    public void User_traceparent_is_user_context_with_the_parsed_context()
    {
        var context = Contexts.Random();
        var text = new Dictionary<string, string> { [TraceHeaders.TraceParent] = Contexts.TraceParentOf(context) };
        var binary = new Dictionary<string, object?> { [TraceHeaders.TraceParent] = Encoding.ASCII.GetBytes(Contexts.TraceParentOf(context)) };

        Assert.Equal(CarrierState.UserContext, Carriers.Inspect(text, out var fromText));
        Assert.Equal(CarrierState.UserContext, Carriers.Inspect(binary, out var fromBinary));
        Assert.Equal(context.TraceId, fromText.TraceId);
        Assert.Equal(context.SpanId, fromText.SpanId);
        Assert.Equal(context.SpanId, fromBinary.SpanId);
    }

    [Fact]
    public void Malformed_user_traceparent_is_user_context_without_a_context()
    {
        var headers = new Dictionary<string, string> { [TraceHeaders.TraceParent] = "not-a-traceparent" };

        Assert.Equal(CarrierState.UserContext, Carriers.Inspect(headers, out var user));
        Assert.Equal(default, user);
    }

    [Fact]
    public void Headers_we_injected_are_written_for_an_earlier_send()
    {
        var text = new Dictionary<string, string>();
        var binary = new Dictionary<string, object?>();

        Assert.True(Carriers.TryInject(text, Contexts.Random()));
        Assert.True(Carriers.TryInject(binary, Contexts.Random()));

        Assert.Equal(CarrierState.WrittenForEarlierSend, Carriers.Inspect(text, out var fromText));
        Assert.Equal(CarrierState.WrittenForEarlierSend, Carriers.Inspect(binary, out var fromBinary));
        Assert.Equal(default, fromText);
        Assert.Equal(default, fromBinary);
    }

    [Fact]
    public void A_traceparent_the_user_added_is_the_users_even_with_the_characters_of_ours()
    {
        var written = new Dictionary<string, string>();
        Assert.True(Carriers.TryInject(written, Contexts.Random()));

        // Same characters, but the entry is the user's own (their key): theirs to keep.
        var headers = new Dictionary<string, string> { [TraceHeaders.TraceParent] = written[TraceHeaders.TraceParent] };

        Assert.Equal(CarrierState.WrittenForEarlierSend, Carriers.Inspect(written, out _));
        Assert.Equal(CarrierState.UserContext, Carriers.Inspect(headers, out var user));
        Assert.Equal(headers[TraceHeaders.TraceParent], TraceParent.Format(user));
    }

    [Fact]
    public void Removing_our_traceparent_and_writing_one_makes_it_the_users()
    {
        var headers = new Dictionary<string, string>();
        Assert.True(Carriers.TryInject(headers, Contexts.Random()));
        var users = Contexts.Random();

        headers.Remove(TraceHeaders.TraceParent);
        headers[TraceHeaders.TraceParent] = Contexts.TraceParentOf(users);

        Assert.Equal(CarrierState.UserContext, Carriers.Inspect(headers, out var user));
        Assert.Equal(users.SpanId, user.SpanId);
    }

    [Fact]
    public void Null_and_read_only_headers_are_not_writable()
    {
        var readOnlyText = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>
        {
            [TraceHeaders.TraceParent] = Contexts.TraceParentOf(Contexts.Random()),
        });

        Assert.Equal(CarrierState.NotWritable, Carriers.Inspect((IDictionary<string, string>?)null, out _));
        Assert.Equal(CarrierState.NotWritable, Carriers.Inspect((IDictionary<string, object?>?)null, out _));
        Assert.Equal(CarrierState.NotWritable, Carriers.Inspect(readOnlyText, out _));
        Assert.Equal(CarrierState.NotWritable, Carriers.Inspect(new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>()), out _));
    }

    [Fact]
    public void TryInject_writes_the_context()
    {
        var context = Contexts.Random(traceState: "rojo=1");
        var text = new Dictionary<string, string>();
        var binary = new Dictionary<string, object?>();

        Assert.True(Carriers.TryInject(text, context));
        Assert.True(Carriers.TryInject(binary, context));

        Assert.Equal(Contexts.TraceParentOf(context), text[TraceHeaders.TraceParent]);
        Assert.Equal("rojo=1", text[TraceHeaders.TraceState]);
        Assert.Equal(TraceParent.FormatUtf8(context), Assert.IsType<byte[]>(binary[TraceHeaders.TraceParent]));
        Assert.Equal(context.SpanId, Carriers.Extract(binary).ActivityContext.SpanId);
    }

    [Fact]
    public void Second_TryInject_into_the_same_headers_returns_false_and_writes_nothing()
    {
        var first = Contexts.Random(traceState: "first=1");
        var second = Contexts.Random(traceState: "second=1");
        var headers = new Dictionary<string, string>();
        Assert.True(Carriers.TryInject(headers, first));
        var before = new Dictionary<string, string>(headers);

        Assert.False(Carriers.TryInject(headers, second));

        Assert.Equal(before, headers);
    }

    [Fact]
    public void Second_TryInject_into_the_same_object_headers_returns_false_and_writes_nothing()
    {
        var headers = new Dictionary<string, object?>();
        Assert.True(Carriers.TryInject(headers, Contexts.Random()));
        object? ours = headers[TraceHeaders.TraceParent];

        Assert.False(Carriers.TryInject(headers, Contexts.Random()));

        Assert.Same(ours, headers[TraceHeaders.TraceParent]);
    }

    [Fact]
    public void ReplaceOurs_overwrites_and_keeps_the_claim()
    {
        var first = Contexts.Random();
        var second = Contexts.Random();
        var headers = new Dictionary<string, string>();
        Assert.True(Carriers.TryInject(headers, first));

        Assert.True(Carriers.TryInject(headers, second, replaceOurs: true));

        Assert.Equal(Contexts.TraceParentOf(second), headers[TraceHeaders.TraceParent]);
        Assert.Equal(CarrierState.WrittenForEarlierSend, Carriers.Inspect(headers, out _));
        Assert.False(Carriers.TryInject(headers, Contexts.Random()));
        Assert.Equal(Contexts.TraceParentOf(second), headers[TraceHeaders.TraceParent]);
    }

    [Fact]
    public void Different_header_collections_are_claimed_independently()
    {
        var a = new Dictionary<string, string>();
        var b = new Dictionary<string, string>();

        Assert.True(Carriers.TryInject(a, Contexts.Random()));
        Assert.True(Carriers.TryInject(b, Contexts.Random()));
        Assert.NotEqual(a[TraceHeaders.TraceParent], b[TraceHeaders.TraceParent]);
    }

    [Fact]
    public void TryInject_of_a_default_context_writes_nothing()
    {
        var headers = new Dictionary<string, string>();

        Assert.True(Carriers.TryInject(headers, default));

        Assert.Empty(headers);
        Assert.Equal(CarrierState.Empty, Carriers.Inspect(headers, out _));
    }

    [Fact]
    public void TryInject_into_read_only_headers_writes_nothing()
    {
        var headers = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

        Carriers.TryInject(headers, Contexts.Random());
        Carriers.TryInject((IDictionary<string, string>?)null, Contexts.Random());

        Assert.Empty(headers);
    }

    [Fact]
    public void TryInject_uses_a_custom_propagator()
    {
        var propagator = new XTestPropagator();
        var context = Contexts.Random();
        var headers = new Dictionary<string, string>();

        using (new PropagatorScope(propagator))
        {
            Assert.True(Carriers.TryInject(headers, context));
        }

        Assert.Equal(1, propagator.InjectCalls);
        Assert.Equal(XTestPropagator.Encode(context), headers[XTestPropagator.Header]);
        Assert.False(headers.ContainsKey(TraceHeaders.TraceParent));
    }
}
