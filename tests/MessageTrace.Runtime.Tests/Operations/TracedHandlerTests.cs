using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// <see cref="TracedHandler"/>: what every generated handler interceptor and listener decorator relies on:
/// parent policies, links, failure results, exceptions, baggage scope, batches and the caller's span.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class TracedHandlerTests
{
    [Theory]
    [InlineData(HandlerParentPolicy.CreationContextWhenNoAmbient, false, true)]
    [InlineData(HandlerParentPolicy.CreationContextWhenNoAmbient, true, false)]
    [InlineData(HandlerParentPolicy.LinkOnly, false, false)]
    [InlineData(HandlerParentPolicy.CreationContextAlways, true, true)]
    public void The_parent_follows_the_sites_policy_and_the_creation_context_is_always_linked(HandlerParentPolicy policy, bool ambient, bool parentIsCreation)
    {
        using var listener = new MessageTraceListener();
        var creation = Contexts.Random();
        var message = WithContext(creation);
        using var scope = ambient ? new AmbientActivity() : null;

        var result = TracedHandler.Invoke(new MessagingSite("test", consumerGroup: "billing", parentPolicy: policy), default(TestIncoming), message, 1, static (m, a) => "ok" + a);

        Assert.Equal("ok1", result);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal("process orders", span.DisplayName);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
        Assert.Equal("billing", span.GetTagItem(MessagingAttributes.ConsumerGroupName));
        Assert.Equal("test", span.GetTagItem("test.site"));
        Assert.Contains(span.Links, l => l.Context.SpanId == creation.SpanId);
        Assert.Equal(parentIsCreation, span.ParentSpanId == creation.SpanId);
        Assert.Same(scope?.Activity, Activity.Current);
    }

    [Fact]
    public void A_failure_result_is_recorded_as_the_error_type()
    {
        using var listener = new MessageTraceListener();

        TracedHandler.Invoke(new MessagingSite("test"), default(TestIncoming), WithContext(Contexts.Random()), 0, static (m, a) => "FAIL");

        var span = Assert.Single(listener.Stopped);
        Assert.Equal("FAIL", span.GetTagItem(MessagingAttributes.ErrorType));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task An_asynchronous_exception_reaches_the_caller_unchanged_and_ends_the_span_as_an_error()
    {
        using var listener = new MessageTraceListener();
        var thrown = new FormatException("bad order");

        var task = TracedHandler.InvokeAsync(new MessagingSite("test"), default(TestIncoming), WithContext(Contexts.Random()), thrown, static (m, a) => FailLater(a));

        Assert.Same(thrown, await Assert.ThrowsAsync<FormatException>(() => task));
        var span = Assert.Single(listener.Stopped);
        Assert.Equal(typeof(FormatException).FullName, span.GetTagItem(MessagingAttributes.ErrorType));
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void The_messages_baggage_is_current_in_the_handler_only()
    {
        using var listener = new MessageTraceListener();
        var message = WithContext(Contexts.Random());
        message.Headers![TraceHeaders.Baggage] = "tenant=acme";

        string? seen = TracedHandler.Invoke(new MessagingSite("test"), default(TestIncoming), message, 0, static (m, a) => OpenTelemetry.Baggage.GetBaggage("tenant"));

        Assert.Equal("acme", seen);
        Assert.Null(OpenTelemetry.Baggage.GetBaggage("tenant"));
    }

    [Fact]
    public void A_null_message_gets_a_root_span_without_links()
    {
        using var listener = new MessageTraceListener();

        TracedHandler.InvokeVoid(new MessagingSite("test"), default(TestIncoming), (TestMessage?)null, 0, static (m, a) => { });

        var span = Assert.Single(listener.Stopped);
        Assert.Equal(default, span.ParentSpanId);
        Assert.Empty(span.Links);
    }

    [Fact]
    public void A_batch_gets_one_span_counting_its_messages_with_a_link_per_creation_context()
    {
        using var listener = new MessageTraceListener();
        var contexts = new[] { Contexts.Random(), Contexts.Random() };
        var batch = new List<TestMessage?> { WithContext(contexts[0], "a"), null, new TestMessage("orders", id: "b"), WithContext(contexts[1], "c") };

        int handled = TracedHandler.InvokeBatch(new MessagingSite("test"), default(TestIncoming), batch, 0, static (b, a) => b!.Count());

        Assert.Equal(4, handled);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal(3, span.GetTagItem(MessagingAttributes.BatchMessageCount));
        Assert.Equal(contexts.Select(static c => c.SpanId), span.Links.Select(static l => l.Context.SpanId));
    }

    [Fact]
    public void A_single_pass_batch_is_read_once_and_the_handler_sees_every_message()
    {
        using var listener = new MessageTraceListener();
        int reads = 0;
        IEnumerable<TestMessage?> Stream()
        {
            reads++;
            yield return WithContext(Contexts.Random());
            yield return WithContext(Contexts.Random());
        }

        int handled = TracedHandler.InvokeBatch(new MessagingSite("test"), default(TestIncoming), Stream(), 0, static (b, a) => b!.Count(), readOnce: true);

        Assert.Equal(2, handled);
        Assert.Equal(1, reads);
        Assert.Equal(2, Assert.Single(listener.Stopped).Links.Count());
    }

    private static async Task FailLater(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }

    private static TestMessage WithContext(ActivityContext context, string? id = null)
    {
        var headers = new Dictionary<string, string>();
        Carriers.Inject(headers, context);
        return new TestMessage("orders", headers, id);
    }
}
