using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MessageTrace.EndToEnd.Tests;

/// <summary>The process runner: signals, exit codes, time-outs and the messages they fail with.</summary>
public sealed class AppProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Signals_AreReturnedInOrder_OncePerLine()
    {
        await using var process = AppProcess.Start("shell", "sh",
            ["-c", "echo 'e2e: ready'; echo 'e2e: received a'; echo noise; echo 'e2e: received b'"], log: output);

        Assert.Equal("", await process.WaitForSignalAsync(AppProtocol.Ready));
        Assert.Equal("a", await process.WaitForSignalAsync(AppProtocol.Received));
        Assert.Equal("b", await process.WaitForSignalAsync(AppProtocol.Received));
        var result = await process.WaitForSuccessAsync();
        Assert.Equal(["a", "b"], result.Signals(AppProtocol.Received));
    }

    [Fact]
    public async Task ExitWithoutTheSignal_FailsWithExitCodeAndOutput()
    {
        await using var process = AppProcess.Start("shell", "sh", ["-c", "echo hello; echo oops >&2; exit 4"], log: output);

        var error = await Assert.ThrowsAsync<AppProcessException>(() => process.WaitForSignalAsync(AppProtocol.Ready));

        Assert.Contains("exited with code 4 without printing \"e2e: ready\"", error.Message);
        Assert.Contains("command: sh -c 'echo hello; echo oops >&2; exit 4'", error.Message);
        Assert.Contains("[out] hello", error.Message);
        Assert.Contains("[err] oops", error.Message);
    }

    [Fact]
    public async Task TimeOut_KillsTheProcessAndSaysSo()
    {
        await using var process = AppProcess.Start("sleeper", "sleep", ["30"], log: output, timeout: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<AppProcessException>(() => process.WaitForExitAsync());

        Assert.StartsWith($"sleeper (pid {process.Id}) did not exit within 1 s, so it was killed.", error.Message);
        Assert.Contains("it printed nothing", error.Message);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(process.Id));
    }

    [Fact]
    public async Task App_WithMissingArgument_ExitsWithUsageCodeAndMessage()
    {
        var error = await Assert.ThrowsAsync<AppProcessException>(() => AppProcess.RunAppAsync("NatsClientPublisher", [], log: output));

        Assert.Contains("exited with code 2", error.Message);
        Assert.Contains("NatsClientPublisher: missing argument 1: SUBJECT", error.Message);
    }

    [Fact]
    public async Task App_WithoutItsBroker_NamesTheMissingVariable()
    {
        var environment = new Dictionary<string, string> { ["MESSAGETRACE_NATS_URL"] = "" };

        var error = await Assert.ThrowsAsync<AppProcessException>(() =>
            AppProcess.RunAppAsync("NatsClientPublisher", ["subject", "id"], environment, output));

        Assert.Contains("MESSAGETRACE_NATS_URL is not set", error.Message);
    }

    [Fact]
    public async Task UnknownApp_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<AppProcessException>(() => AppProcess.StartAppAsync("NoSuchApp", []));

        Assert.Contains("there is no app NoSuchApp", error.Message);
    }
}
