using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace MessageTrace.Sample.Tests.Infrastructure;

/// <summary>How a run of the sample ended: exit code, stdout lines, stderr text.</summary>
public sealed record SampleResult(int ExitCode, IReadOnlyList<string> Stdout, string Stderr, string CommandLine)
{
    /// <summary>A description for assertion messages.</summary>
    public string Describe() =>
        $"{CommandLine} exited with {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{string.Join(Environment.NewLine, Stdout.Take(60))}"
        + $"{Environment.NewLine}stderr:{Environment.NewLine}{Stderr}";
}

/// <summary>
/// Runs the built sample, <c>dotnet OrderPipeline.dll ARGS</c>, with a deadline for its whole life:
/// past it the process tree is killed and the run fails. The sample ends by itself (it waits for its
/// spans with a deadline of its own, passed with --timeout, well below this one).
/// </summary>
public static class SampleProcess
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>samples/OrderPipeline's build output, in this project's configuration.</summary>
    public static string Assembly { get; } =
        typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(attribute => attribute.Key == "MessageTrace.OrderPipelineAssembly").Value!;

    public static Task<SampleResult> RunAsync(ITestOutputHelper log, params string[] arguments) =>
        RunAsync(log, new Dictionary<string, string>(), arguments);

    /// <summary>Runs the sample with extra ENVIRONMENT variables.</summary>
    public static async Task<SampleResult> RunAsync(ITestOutputHelper log, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (!File.Exists(Assembly))
        {
            throw new InvalidOperationException($"{Assembly} is missing: build samples/OrderPipeline (building this test project does).");
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No OTLP export unless a test asks for it, whatever the developer's shell exports.
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var commandLine = "dotnet " + string.Join(" ", start.ArgumentList);
        log.WriteLine("run: " + commandLine);

        using var process = new Process { StartInfo = start };
        var stdout = new List<string>();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.Add(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Deadline)) != exited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{commandLine} did not end within {Deadline.TotalSeconds:0} s, so it was killed.{Environment.NewLine}stderr:{Environment.NewLine}{stderr}");
        }

        // WaitForExitAsync also waits for the end of both redirected streams.
        var result = new SampleResult(process.ExitCode, stdout.ToList(), stderr.ToString(), commandLine);
        log.WriteLine($"exit code {result.ExitCode}, {result.Stdout.Count} stdout line(s); stderr:");
        log.WriteLine(result.Stderr);
        return result;
    }

    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
