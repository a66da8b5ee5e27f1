using System;
using System.Diagnostics;
using System.Linq;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using OpenTelemetry;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// The creation context read from the message properties: always linked, parent chosen by the
/// handler's policy, and its baggage current inside the handler only.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class CreationContextTests
{
    [Fact]
    public void Default_policy_without_ambient_parents_on_the_creation_context_and_links_to_it()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();

        new DefaultPolicyHandler().Handle(TestMessages.WithContext(creation));

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, creation);
        Assert.True(span.HasRemoteParent);
        Spans.AssertLinks(span, creation);
    }

    [Fact]
    public void The_default_policy_is_the_same_when_the_handler_does_not_name_one()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();

        new BillingHandler().Handle(TestMessages.WithContext(creation));

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, creation);
        Spans.AssertLinks(span, creation);
    }

    [Fact]
    public void Default_policy_inside_an_ambient_span_parents_on_the_ambient_and_links_to_the_creation_context()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        new DefaultPolicyHandler().Handle(TestMessages.WithContext(creation));

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, ambient!.Context);
        Assert.Same(ambient, span.Parent);
        Spans.AssertLinks(span, creation);
    }

    [Fact]
    public void LinkOnly_without_ambient_is_a_root_linked_to_the_creation_context()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();

        new LinkOnlyHandler().Handle(TestMessages.WithContext(creation));

        var span = capture.SingleProcess();
        Spans.AssertRoot(span, creation.TraceId);
        Spans.AssertLinks(span, creation);
    }

    [Fact]
    public void LinkOnly_inside_an_ambient_span_parents_on_the_ambient_and_links_to_the_creation_context()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        new LinkOnlyHandler().Handle(TestMessages.WithContext(creation));

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, ambient!.Context);
        Spans.AssertLinks(span, creation);
    }

    [Fact]
    public void CreationContextAlways_without_ambient_parents_on_the_creation_context_with_one_link()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();

        new CreationParentHandler().Handle(TestMessages.WithContext(creation));

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, creation);
        Spans.AssertLinks(span, creation);
    }

    [Fact]
    public void CreationContextAlways_inside_an_ambient_span_parents_on_the_creation_context_and_links_the_ambient_second()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        new CreationParentHandler().Handle(TestMessages.WithContext(creation));

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, creation);
        Assert.NotEqual(ambient!.TraceId, span.TraceId);
        Spans.AssertLinks(span, creation, ambient.Context);
    }

    [Fact]
    public void CreationContextAlways_without_a_creation_context_stays_under_the_ambient_with_no_link()
    {
        using var capture = new TraceCapture();
        using var ambient = TraceCapture.TestSource.StartActivity("ambient");
        Assert.NotNull(ambient);

        new CreationParentHandler().Handle(TestMessages.WithProperties(new System.Collections.Generic.Dictionary<string, string> { ["origin"] = "checkout" }));

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, ambient!.Context);
        Assert.Empty(span.Links);
    }

    [Fact]
    public void The_trace_flags_of_the_creation_context_do_not_stop_the_process_span_being_recorded()
    {
        using var capture = new TraceCapture();
        var unsampled = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, null, true);

        new BillingHandler().Handle(TestMessages.WithContext(unsampled));

        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, unsampled);
        Spans.AssertLinks(span, unsampled);
    }

    [Fact]
    public void Tracestate_travels_on_the_link_and_on_the_span_parented_by_it()
    {
        using var capture = new TraceCapture();
        var creation = TestMessages.RandomContext();

        new BillingHandler().Handle(TestMessages.WithContext(creation, traceState: "vendor=abc,other=1"));

        var span = capture.SingleProcess();
        Assert.Equal("vendor=abc,other=1", Assert.Single(span.Links).Context.TraceState);
        Assert.Equal("vendor=abc,other=1", span.TraceStateString);
    }

    [Fact]
    public void Message_baggage_is_current_inside_the_handler_and_the_callers_baggage_is_restored()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var before = Baggage.Current;
        Baggage.Current = Baggage.Create(new System.Collections.Generic.Dictionary<string, string> { ["caller"] = "test" });
        try
        {
            handler.Handle(TestMessages.WithContext(TestMessages.RandomContext(), baggage: "tenant=acme,region=eu%20west"));

            var seen = Assert.Single(handler.Probe.Seen);
            Assert.Equal("acme", seen.Baggage["tenant"]);
            Assert.Equal("eu west", seen.Baggage["region"]);
            Assert.Equal("test", Baggage.Current.GetBaggage("caller"));
            Assert.Null(Baggage.Current.GetBaggage("tenant"));
        }
        finally
        {
            Baggage.Current = before;
        }
    }

    [Fact]
    public void Message_baggage_is_restored_when_the_handler_throws()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler { Outcome = static _ => throw new InvalidOperationException("declined") };
        var before = Baggage.Current;
        Baggage.Current = Baggage.Create(new System.Collections.Generic.Dictionary<string, string> { ["caller"] = "test" });
        try
        {
            Assert.Throws<InvalidOperationException>(() => handler.Handle(TestMessages.WithContext(TestMessages.RandomContext(), baggage: "tenant=acme")));

            Assert.Equal("acme", Assert.Single(handler.Probe.Seen).Baggage["tenant"]);
            Assert.Equal("test", Baggage.Current.GetBaggage("caller"));
            Assert.Null(Baggage.Current.GetBaggage("tenant"));
        }
        finally
        {
            Baggage.Current = before;
        }
    }

    [Fact]
    public void A_message_without_baggage_leaves_the_callers_baggage_current_in_the_handler()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();
        var before = Baggage.Current;
        Baggage.Current = Baggage.Create(new System.Collections.Generic.Dictionary<string, string> { ["caller"] = "test" });
        try
        {
            handler.Handle(TestMessages.WithContext(TestMessages.RandomContext()));

            Assert.Equal("test", Assert.Single(handler.Probe.Seen).Baggage["caller"]);
        }
        finally
        {
            Baggage.Current = before;
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task Message_baggage_of_an_async_handler_does_not_leak_to_the_caller()
    {
        using var capture = new TraceCapture();
        var gate = new System.Threading.Tasks.TaskCompletionSource(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new AsyncBillingHandler { Gate = gate.Task };

        var task = handler.HandleAsync(TestMessages.WithContext(TestMessages.RandomContext(), baggage: "tenant=acme"));
        Assert.Null(Baggage.Current.GetBaggage("tenant"));
        gate.SetResult();
        await task;

        Assert.Null(Baggage.Current.GetBaggage("tenant"));
    }

    [Fact]
    public void Baggage_is_read_even_when_the_traceparent_is_missing()
    {
        using var capture = new TraceCapture();
        var handler = new BillingHandler();

        handler.Handle(TestMessages.WithProperties(new System.Collections.Generic.Dictionary<string, string> { ["baggage"] = "tenant=acme" }));

        Assert.Equal("acme", Assert.Single(handler.Probe.Seen).Baggage["tenant"]);
        var span = capture.SingleProcess();
        Spans.AssertRoot(span);
        Assert.Empty(span.Links);
        Assert.True(Baggage.Current.GetBaggage().All(pair => pair.Key != "tenant"));
    }
}
