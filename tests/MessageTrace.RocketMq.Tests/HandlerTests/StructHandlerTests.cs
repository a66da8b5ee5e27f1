using System.Linq;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Handlers;
using MessageTrace.RocketMq.Tests.Infrastructure;
using Org.Apache.Rocketmq;
using Xunit;

namespace MessageTrace.RocketMq.Tests.HandlerTests;

/// <summary>
/// Handlers declared on structs are traced, and the receiver's state ends as the untraced call leaves it:
/// a mutable struct's synchronous handler changes the caller's variable (issue 15, item 1).
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class StructHandlerTests
{
    [Fact]
    public void A_read_only_struct_handler_is_traced_and_sees_its_own_state()
    {
        using var capture = new TraceCapture();
        var probe = new HandlerProbe();
        var creation = TestMessages.RandomContext();
        var message = TestMessages.WithContext(creation);

        var result = StructHandlerCalls.Audit(new ReadOnlyAuditor(probe, "auditor"), message);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        var span = capture.SingleProcess();
        Spans.AssertChildOf(span, creation);
        Assert.Same(span, Assert.Single(probe.Seen).Current);
    }

    [Fact]
    public async Task An_async_handler_of_a_mutable_struct_is_traced_and_leaves_the_callers_struct_as_the_language_does()
    {
        using var capture = new TraceCapture();
        var probe = new HandlerProbe();
        var message = TestMessages.WithContext(TestMessages.RandomContext());

        var (result, countAfter) = await StructHandlerCalls.Tally(new AsyncTally(probe), message);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        Assert.Equal(0, countAfter);
        Assert.Equal(1, Assert.Single(probe.Seen).Argument);
        Assert.Equal("process orders", capture.SingleProcess().DisplayName);
    }

    [Fact]
    public void A_mutable_struct_handler_is_traced_and_what_it_changes_lands_in_the_callers_variable()
    {
        using var capture = new TraceCapture();
        var probe = new HandlerProbe();
        var counter = new Counter(probe);
        var message = TestMessages.WithContext(TestMessages.RandomContext());

        var result = StructHandlerCalls.CountTwice(ref counter, message);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        Assert.Equal(2, counter.Handled);
        Assert.Equal([1, 2], probe.Seen.Select(static s => (int)s.Argument!));
        var spans = capture.Process().ToList();
        Assert.Equal(2, spans.Count);
        Assert.Equal(spans, probe.Seen.Select(static s => s.Current!));
    }

    [Fact]
    public async Task A_mutable_struct_handler_returning_a_task_is_traced_until_the_task_completes_and_changes_the_caller()
    {
        using var capture = new TraceCapture();
        var counter = new Counter(new HandlerProbe());
        var message = TestMessages.WithContext(TestMessages.RandomContext());

        var result = await StructHandlerCalls.CountLater(ref counter, message);

        Assert.Equal(ConsumeResult.SUCCESS, result);
        Assert.Equal(10, counter.Handled);
        Assert.Equal("process orders", capture.SingleProcess().DisplayName);
    }
}
