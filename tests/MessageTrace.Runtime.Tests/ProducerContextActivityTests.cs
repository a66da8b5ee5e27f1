using System.Diagnostics;
using Xunit;

namespace MessageTrace.Runtime.Tests;

[Collection(GlobalStateCollection.Name)]
public sealed class ProducerContextActivityTests
{
    [Fact]
    public void IsActive_is_false_with_no_listener_and_no_ambient_span()
    {
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            Assert.False(ProducerContext.IsActive);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    [Fact]
    public void IsActive_with_a_listener()
    {
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            using var listener = new MessageTraceListener(ActivitySamplingResult.None);
            Assert.True(ProducerContext.IsActive);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    [Fact]
    public void IsActive_with_an_ambient_span_and_no_listener()
    {
        Assert.False(MessageTraceSource.Source.HasListeners());
        using var ambient = new AmbientActivity();

        Assert.True(ProducerContext.IsActive);
    }
}
