using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MessageTrace.Packaging.Tests.Infrastructure;

/// <summary>What a finished (or killed) process printed, stdout and stderr interleaved as they arrived.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, string Output)
{
    public IEnumerable<string> Lines => Output.Split('\n').Select(line => line.TrimEnd('\r'));

    /// <summary>The command, where it ran, how it ended and everything it printed: the body of every failure message.</summary>
    public string Describe()
    {
        var ending = TimedOut ? "was killed after its timeout" : $"exited with code {ExitCode}";
        return $"`{CommandLine}` (in {WorkingDirectory}) {ending}. Output:{Environment.NewLine}{Output}";
    }

    /// <summary>Throws, with the whole output, unless the process ran to completion with exit code 0.</summary>
    public ProcessResult EnsureSuccess(string what)
    {
        if (TimedOut || ExitCode != 0)
        {
            throw new ProcessFailedException($"{what} failed: {Describe()}");
        }

        return this;
    }
}

public sealed class ProcessFailedException(string message) : Exception(message);

/// <summary>
/// Runs the dotnet CLI and built programs with a timeout. On timeout the whole process tree is killed
/// and the output captured so far is kept. Child processes get a clean MSBuild environment and no
/// build servers, so nothing outlives the run and holds its output pipes open.
/// </summary>
public static class ProcessRunner
{
    /// <summary>How long a consumer program may run; builds and publishes pass their own, longer, limits.</summary>
    public static readonly TimeSpan ProgramTimeout = TimeSpan.FromMinutes(2);

    // Set by `dotnet test` / MSBuild for their own children; a nested dotnet CLI must pick its own.
    private static readonly string[] InheritedVariablesToDrop =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "MSBuildCacheEnabled", "_MSBUILDTLENABLED",
    ];

    /// <summary>The dotnet host running these tests, else the one on PATH.</summary>
    public static string DotNetHost { get; } = FindDotNetHost();

    /// <summary>Runs <c>dotnet</c> with the given arguments.</summary>
    public static ProcessResult DotNet(string workingDirectory, TimeSpan timeout, params string[] arguments)
        => Run(DotNetHost, arguments, workingDirectory, timeout);

    public static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedVariablesToDrop)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["MSBUILDTERMINALLOGGER"] = "off";

        var commandLine = string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.Start();
        process.StandardInput.Close();
        var pumps = Task.WhenAll(Pump(process.StandardOutput, output), Pump(process.StandardError, output));

        bool timedOut;
        using (var deadline = new CancellationTokenSource(timeout))
        {
            try
            {
                process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult();
                timedOut = false;
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended on its own in the meantime.
                }

                process.WaitForExit();
            }
        }

        // A grandchild that inherited the pipes could keep them open: wait a little, then keep what we have.
        pumps.Wait(TimeSpan.FromSeconds(30));
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new ProcessResult(commandLine, workingDirectory, timedOut ? -1 : process.ExitCode, timedOut, text);
    }

    private static async Task Pump(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    }

    private static string Quote(string argument)
        => argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c is not ('"' or '\'')) ? argument : $"\"{argument}\"";

    private static string FindDotNetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath
            && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        return "dotnet";
    }
}
