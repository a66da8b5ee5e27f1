using System;
using MessageTrace.Packaging.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.Packaging.Tests;

/// <summary>The process runner the packaging tests depend on to never hang and never lose output.</summary>
public sealed class ProcessRunnerTests
{
    [Fact]
    public void Process_that_outlives_its_timeout_is_killed_with_its_children_and_its_output_kept()
    {
        var result = ProcessRunner.Run("/bin/sh", ["-c", "echo started; sleep 300 & wait"], Environment.CurrentDirectory, TimeSpan.FromSeconds(2));

        Assert.True(result.TimedOut);
        Assert.Contains("started", result.Output, StringComparison.Ordinal);
        Assert.Throws<ProcessFailedException>(() => result.EnsureSuccess("sleeping"));
    }

    [Fact]
    public void Exit_code_and_both_streams_are_captured()
    {
        var result = ProcessRunner.Run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], Environment.CurrentDirectory, TimeSpan.FromMinutes(1));

        Assert.False(result.TimedOut);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("out", result.Lines);
        Assert.Contains("err", result.Lines);
        var failure = Assert.Throws<ProcessFailedException>(() => result.EnsureSuccess("failing"));
        Assert.Contains("exited with code 3", failure.Message, StringComparison.Ordinal);
    }
}
