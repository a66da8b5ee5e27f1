using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// The send guarantees under a propagator that writes no <c>traceparent</c> (B3, Jaeger; here
/// <see cref="XTestPropagator"/>): the headers it writes for a traced send are known as MessageTrace's,
/// so an earlier send's context never travels again, and a user's own context in its format is kept and
/// linked, as with W3C headers.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class OtherPropagatorSendTests
{
    private static readonly MessagingSite s_site = new("test");

    [Fact]
    public async Task Untraced_sends_of_reused_headers_drop_the_earlier_sends_context_and_keep_the_users_headers()
    {
        var reused = new Dictionary<string, string> { ["user"] = "kept" };
        using (new PropagatorScope(new XTestPropagator()))
        {
            using (new MessageTraceListener())
            {
                await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
            }

            Assert.True(reused.ContainsKey(XTestPropagator.Header));
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
        }

        Assert.Equal(["user"], reused.Keys);
    }

    [Fact]
    public async Task Beside_traceparent_the_other_headers_of_an_earlier_send_are_dropped_too()
    {
        var reused = new Dictionary<string, string> { ["user"] = "kept" };
        var both = new OpenTelemetry.Context.Propagation.CompositeTextMapPropagator(
            [new OpenTelemetry.Context.Propagation.TraceContextPropagator(), new XTestPropagator()]);
        using (new PropagatorScope(both))
        {
            using (new MessageTraceListener())
            {
                await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
            }

            Assert.True(reused.ContainsKey(TraceHeaders.TraceParent));
            Assert.True(reused.ContainsKey(XTestPropagator.Header));
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
        }

        Assert.Equal(["user"], reused.Keys);
    }

    [Fact]
    public async Task A_traced_send_of_reused_headers_writes_its_own_context_over_the_earlier_sends()
    {
        using var listener = new MessageTraceListener();
        var reused = new Dictionary<string, string>();
        using (new PropagatorScope(new XTestPropagator()))
        {
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", reused)), 0, static (m, a) => Task.CompletedTask);
        }

        var second = listener.Stopped[^1];
        Assert.Equal(XTestPropagator.Encode(second.Context), reused[XTestPropagator.Header]);
        Assert.Empty(second.Links);
    }

    [Fact]
    public async Task A_users_own_context_in_the_propagators_format_is_kept_and_linked()
    {
        using var listener = new MessageTraceListener();
        var users = Contexts.Random();
        var headers = new Dictionary<string, string> { [XTestPropagator.Header] = XTestPropagator.Encode(users) };
        using (new PropagatorScope(new XTestPropagator()))
        {
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", headers)), 0, static (m, a) => Task.CompletedTask);

            // Still the user's after the send: a later untraced send keeps it too.
            await TracedSend.SendAsync(s_site, new TestOutgoing(new TestMessage("orders", headers)), 0, static (m, a) => Task.CompletedTask);
        }

        Assert.Equal(XTestPropagator.Encode(users), headers[XTestPropagator.Header]);
        var link = Assert.Single(listener.Stopped[0].Links);
        Assert.Equal(users.SpanId, link.Context.SpanId);
        Assert.Equal(users.TraceId, link.Context.TraceId);
    }

    [Fact]
    public void Each_other_header_name_gets_one_key_instance_of_ours_that_is_not_the_literal()
    {
        string first = WrittenHeaders.KeyFor("X-B3-TraceId");
        string again = WrittenHeaders.KeyFor(new string("X-B3-TraceId".ToCharArray()));

        Assert.Equal("X-B3-TraceId", first);
        Assert.Same(first, again);
        Assert.NotSame("X-B3-TraceId", first);
        Assert.True(WrittenHeaders.IsOurKey(first));
        Assert.False(WrittenHeaders.IsOurKey("X-B3-TraceId"));
    }

    [Fact]
    public void A_copy_of_shared_headers_leaves_our_context_behind_and_keeps_the_users()
    {
        var shared = new Dictionary<string, string> { ["user"] = "kept" };
        using (new PropagatorScope(new XTestPropagator()))
        {
            Assert.True(Carriers.TryInject(shared, Contexts.Random()));
            Assert.Equal(CarrierState.WrittenForEarlierSend, Carriers.Inspect(shared, out _));
        }

        var copy = new Dictionary<string, string>();
        ProducerContext.CopyUserHeaders(shared, copy);

        Assert.Equal(["user"], copy.Keys.ToList());
    }
}
