using System;
using System.Collections.Generic;
using System.Diagnostics;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// <see cref="TracedSend.SendWithReport{TMessage, TArgs, TReport}"/>: a send whose client reports the outcome to a
/// callback. The span ends in the report, then the caller's callback runs once, its exceptions untouched.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class ReportedSendTests
{
    private static readonly MessagingSite s_site = new("test");

    [Fact]
    public void The_span_stays_open_until_the_report_and_ends_before_the_callers_callback_runs()
    {
        using var listener = new MessageTraceListener();
        var client = new CallbackClient();
        var seen = new List<(string Report, int StoppedSpans)>();

        TracedSend.SendWithReport(s_site, new TestOutgoing(new TestMessage("orders")), (Action<string>)(report => seen.Add((report, listener.Stopped.Count))), client, static (m, a, h) => a.Produce(h));

        Assert.Empty(listener.Stopped);
        client.Report("stored at 7");

        Assert.Equal(new[] { ("stored at 7", 1) }, seen);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal("send orders", span.DisplayName);
        Assert.Equal("stored at 7", span.GetTagItem("test.result"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public void A_report_of_failure_is_recorded_with_its_error_type_and_still_reaches_the_caller()
    {
        using var listener = new MessageTraceListener();
        var client = new CallbackClient();
        string? received = null;

        TracedSend.SendWithReport(s_site, new TestOutgoing(new TestMessage("orders")), (Action<string>)(report => received = report), client, static (m, a, h) => a.Produce(h));
        client.Report("FAIL");

        Assert.Equal("FAIL", received);
        var span = Assert.Single(listener.Stopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("FAIL", span.GetTagItem(MessagingAttributes.ErrorType));
    }

    [Fact]
    public void The_callers_callback_exception_comes_out_of_the_report_unchanged()
    {
        using var listener = new MessageTraceListener();
        var client = new CallbackClient();
        var thrown = new InvalidOperationException("handler bug");

        TracedSend.SendWithReport(s_site, new TestOutgoing(new TestMessage("orders")), (Action<string>)(_ => throw thrown), client, static (m, a, h) => a.Produce(h));

        Assert.Same(thrown, Assert.Throws<InvalidOperationException>(() => client.Report("ok")));
        Assert.Equal(ActivityStatusCode.Unset, Assert.Single(listener.Stopped).Status);
    }

    [Fact]
    public void A_send_that_throws_at_once_is_recorded_and_its_callback_never_runs()
    {
        using var listener = new MessageTraceListener();
        var thrown = new ArgumentException("topic too long");
        int calls = 0;

        var caught = Assert.Throws<ArgumentException>(() =>
            TracedSend.SendWithReport(s_site, new TestOutgoing(new TestMessage("orders")), (Action<string>)(_ => calls++), thrown, static (m, a, h) => throw a));

        Assert.Same(thrown, caught);
        Assert.Equal(0, calls);
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(listener.Stopped).Status);
    }

    [Fact]
    public void A_client_that_refuses_callbacks_is_called_the_callers_way_when_the_caller_passed_none()
    {
        using var listener = new MessageTraceListener();
        var client = new CallbackClient { RefusesCallbacks = true };

        TracedSend.SendWithReport(s_site, new TestOutgoing(new TestMessage("orders")), (Action<string>?)null, client, static (m, a, h) => a.Produce(h));

        Assert.Equal(2, client.Calls);
        Assert.Null(client.Handler);
        Assert.Equal(ActivityStatusCode.Unset, Assert.Single(listener.Stopped).Status);
    }

    [Fact]
    public void A_client_that_refuses_the_callers_own_callback_fails_as_it_would_untraced()
    {
        using var listener = new MessageTraceListener();
        var client = new CallbackClient { RefusesCallbacks = true };

        Assert.Throws<InvalidOperationException>(() =>
            TracedSend.SendWithReport(s_site, new TestOutgoing(new TestMessage("orders")), (Action<string>)(_ => { }), client, static (m, a, h) => a.Produce(h)));

        Assert.Equal(1, client.Calls);
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(listener.Stopped).Status);
    }

    [Fact]
    public void With_nothing_listening_the_client_gets_the_callers_own_callback()
    {
        var client = new CallbackClient();
        Action<string> callback = _ => { };

        TracedSend.SendWithReport(s_site, new TestOutgoing(new TestMessage("orders")), callback, client, static (m, a, h) => a.Produce(h));

        Assert.Same(callback, client.Handler);
    }

    /// <summary>A client that keeps the delivery callback and calls it when told to.</summary>
    private sealed class CallbackClient
    {
        public Action<string>? Handler { get; private set; }

        /// <summary>Like Kafka with delivery reports turned off: a callback is an error.</summary>
        public bool RefusesCallbacks { get; init; }

        public int Calls { get; private set; }

        public void Produce(Action<string>? handler)
        {
            Calls++;
            if (RefusesCallbacks && handler is not null)
            {
                throw new InvalidOperationException("delivery reports are disabled");
            }

            Handler = handler;
        }

        public void Report(string report) => Handler!(report);
    }
}
