using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace MessageTrace.Runtime.Tests;

public sealed class SpanFailureTests
{
    [Fact]
    public void Record_sets_error_type_status_and_an_exception_event_and_returns_false()
    {
        var activity = StandaloneActivity.Start();
        var exception = new ArgumentOutOfRangeException("size", "too big");

        bool result = SpanFailure.Record(activity, exception);

        Assert.False(result);
        Assert.Equal(typeof(ArgumentOutOfRangeException).FullName, activity.GetTagItem(MessagingAttributes.ErrorType));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(exception.Message, activity.StatusDescription);
        var exceptionEvent = Assert.Single(activity.Events, e => e.Name == "exception");
        Assert.Equal(typeof(ArgumentOutOfRangeException).FullName, exceptionEvent.Tags.Single(t => t.Key == "exception.type").Value);
        activity.Stop();
    }

    [Fact]
    public void Record_of_a_nested_type_uses_the_full_type_name()
    {
        var activity = StandaloneActivity.Start();

        SpanFailure.Record(activity, new NestedException());

        Assert.Equal(typeof(NestedException).FullName, activity.GetTagItem(MessagingAttributes.ErrorType));
        Assert.Contains("+", (string)activity.GetTagItem(MessagingAttributes.ErrorType)!, StringComparison.Ordinal);
        activity.Stop();
    }

    [Fact]
    public void Record_on_an_activity_that_does_not_want_data_sets_only_the_status()
    {
        var activity = StandaloneActivity.Start();
        activity.IsAllDataRequested = false;

        Assert.False(SpanFailure.Record(activity, new InvalidOperationException("x")));

        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Null(activity.GetTagItem(MessagingAttributes.ErrorType));
        Assert.Empty(activity.Events);
        activity.Stop();
    }

    [Fact]
    public void Record_without_an_activity_returns_false()
    {
        Assert.False(SpanFailure.Record(null, new InvalidOperationException()));
    }

    [Fact]
    public void In_an_exception_filter_the_original_exception_propagates_with_its_stack()
    {
        var activity = StandaloneActivity.Start();
        bool catchBodyRan = false;
        Exception? thrown = null;

        var caught = Assert.Throws<InvalidOperationException>(() =>
        {
            try
            {
                ThrowFromDeepInside(e => thrown = e);
            }
            catch (Exception e) when (SpanFailure.Record(activity, e))
            {
                catchBodyRan = true;
            }
        });

        Assert.False(catchBodyRan);
        Assert.Same(thrown, caught);
        Assert.Contains(nameof(ThrowFromDeepInside), caught.StackTrace, StringComparison.Ordinal);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, activity.GetTagItem(MessagingAttributes.ErrorType));
        activity.Stop();
    }

    [Fact]
    public void RecordResult_sets_error_type_and_status()
    {
        var activity = StandaloneActivity.Start();

        SpanFailure.RecordResult(activity, "SEND_FAILED");
        SpanFailure.RecordResult(null, "ignored");

        Assert.Equal("SEND_FAILED", activity.GetTagItem(MessagingAttributes.ErrorType));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        activity.Stop();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFromDeepInside(Action<Exception> observe)
    {
        var exception = new InvalidOperationException("boom");
        observe(exception);
        throw exception;
    }

    private sealed class NestedException : Exception
    {
    }
}
