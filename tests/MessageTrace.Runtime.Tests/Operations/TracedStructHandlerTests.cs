using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// <see cref="TracedStructHandler"/>: a mutable struct's handler runs on the caller's variable (by
/// reference) with or without a listener, under a process span whose failures and completion are recorded
/// like <see cref="TracedHandler"/>'s.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class TracedStructHandlerTests
{
    private static readonly MessagingSite s_site = new("test");

    [Fact]
    public void What_the_handler_changes_lands_in_the_callers_variable_under_a_process_span()
    {
        using var listener = new MessageTraceListener();
        var tally = new Tally();

        var result = TracedStructHandler.Invoke(s_site, default(TestIncoming), ref tally, Message(), 5, static (ref Tally t, TestMessage? m, int a) => t.Add(a));

        Assert.Equal(5, result);
        Assert.Equal(5, tally.Total);
        Assert.Equal("process orders", Assert.Single(listener.Stopped).DisplayName);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void With_nothing_listening_the_handler_still_runs_on_the_callers_variable()
    {
        var tally = new Tally();

        TracedStructHandler.InvokeVoid(s_site, default(TestIncoming), ref tally, Message(), 3, static (ref Tally t, TestMessage? m, int a) => t.Add(a));

        Assert.Equal(3, tally.Total);
    }

    [Fact]
    public void An_exception_reaches_the_caller_unchanged_after_the_change_it_made_and_is_recorded()
    {
        using var listener = new MessageTraceListener();
        var tally = new Tally();
        var thrown = new InvalidOperationException("bad");

        var caught = Assert.Throws<InvalidOperationException>(() =>
            TracedStructHandler.Invoke(s_site, default(TestIncoming), ref tally, Message(), thrown, static (ref Tally t, TestMessage? m, Exception a) => t.AddThenThrow(a)));

        Assert.Same(thrown, caught);
        Assert.Equal(1, tally.Total);
        Assert.Equal(typeof(InvalidOperationException).FullName, Assert.Single(listener.Stopped).GetTagItem(MessagingAttributes.ErrorType));
    }

    [Fact]
    public async Task A_returned_task_ends_the_span_when_it_completes_and_its_failure_result_is_recorded()
    {
        using var listener = new MessageTraceListener();
        var tally = new Tally();
        var pending = new TaskCompletionSource<string>();

        var task = TracedStructHandler.InvokeAsync(s_site, default(TestIncoming), ref tally, Message(), pending, static (ref Tally t, TestMessage? m, TaskCompletionSource<string> a) => t.AddThen(a.Task));
        Assert.Equal(1, tally.Total);
        Assert.Empty(listener.Stopped);
        pending.SetResult("FAIL");

        Assert.Equal("FAIL", await task);
        Assert.Equal("FAIL", Assert.Single(listener.Stopped).GetTagItem(MessagingAttributes.ErrorType));
    }

    private static TestMessage Message()
    {
        var headers = new Dictionary<string, string>();
        Carriers.Inject(headers, Contexts.Random());
        return new TestMessage("orders", headers);
    }

    private struct Tally
    {
        public int Total { get; private set; }

        public int Add(int amount) => Total += amount;

        public int AddThenThrow(Exception exception)
        {
            Total++;
            throw exception;
        }

        public Task<string> AddThen(Task<string> result)
        {
            Total++;
            return result;
        }
    }
}
