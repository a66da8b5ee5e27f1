using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MessageTrace.EndToEnd.Apps;
using Xunit.Abstractions;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>A launched program failed: it exited badly, printed no expected signal, or ran out of time.</summary>
public sealed class AppProcessException(string message) : Exception(message);

/// <summary>How a program ended: its exit code and everything it printed.</summary>
public sealed record AppResult(int ExitCode, IReadOnlyList<string> Output)
{
    /// <summary>The texts of every <c>e2e: EVENT TEXT</c> line, in order.</summary>
    public IReadOnlyList<string> Signals(string eventName) => Output
        .Where(line => line.StartsWith(AppProcess.StdoutMarker, StringComparison.Ordinal))
        .Select(line => line[AppProcess.StdoutMarker.Length..])
        .Select(line => AppProtocol.TryParse(line, eventName, out var text) ? text : null)
        .OfType<string>()
        .ToList();
}

/// <summary>
/// A program run as a separate process: an app of tests/EndToEnd.Apps (<see cref="StartAppAsync"/>)
/// or any executable (<see cref="Start"/>). It gets the test process's environment plus the given
/// variables, stdin closed, and one deadline for its whole life: whatever waits past it kills the
/// process tree and fails with the command line and the program's output. Each output line also
/// goes to the test's output. Dispose to kill what is still running.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    internal const string StdoutMarker = "[out] ";
    internal const string StderrMarker = "[err] ";
    private const int OutputLinesInMessages = 80;

    private readonly Process _process;
    private readonly string _name;
    private readonly string _commandLine;
    private readonly ITestOutputHelper? _log;
    private readonly TimeSpan _timeout;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly List<string> _output = [];
    private readonly List<string> _stdout = [];
    private readonly Dictionary<string, int> _signalCursors = new(StringComparer.Ordinal);
    private readonly Task _exited;
    private TaskCompletionSource _changed = NewSignal();

    private AppProcess(string name, ProcessStartInfo startInfo, ITestOutputHelper? log, TimeSpan timeout)
    {
        _name = name;
        _log = log;
        _timeout = timeout;
        _commandLine = string.Join(" ", new[] { startInfo.FileName }.Concat(startInfo.ArgumentList).Select(Quote));
        _process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(StdoutMarker, e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(StderrMarker, e.Data);
        try
        {
            _process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            _process.Dispose();
            throw new AppProcessException($"{name}: could not start {_commandLine}: {e.Message}");
        }

        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Completes once the process has exited and both output streams reached their end.
        _exited = _process.WaitForExitAsync().ContinueWith(_ => Notify(), TaskScheduler.Default);
        Log($"started (pid {_process.Id}): {_commandLine}");
    }

    public int Id => _process.Id;

    /// <summary>Everything printed so far, each line prefixed with [out] or [err].</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToList();
            }
        }
    }

    /// <summary>
    /// Starts the app tests/EndToEnd.Apps/APP_NAME with `dotnet APP_NAME.dll ARGUMENTS`, building
    /// it first if its output is missing. The app also gets MESSAGETRACE_APP_TIMEOUT_SECONDS, a
    /// little below TIMEOUT, so that it gives up (and flushes its spans) before it is killed.
    /// </summary>
    public static async Task<AppProcess> StartAppAsync(string appName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, ITestOutputHelper? log = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var assembly = await EndToEndApps.EnsureBuiltAsync(appName, log).ConfigureAwait(false);
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [AppProtocol.TimeoutVariable] = Math.Max(1, limit.TotalSeconds * 0.8).ToString("0.#", CultureInfo.InvariantCulture),
        };
        return Start(appName, DotnetHost.Path, new[] { assembly }.Concat(arguments), variables, log, limit);
    }

    /// <summary>Starts the app, waits until it exits and requires exit code 0.</summary>
    public static async Task<AppResult> RunAppAsync(string appName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, ITestOutputHelper? log = null, TimeSpan? timeout = null)
    {
        await using var app = await StartAppAsync(appName, arguments, environment, log, timeout).ConfigureAwait(false);
        return await app.WaitForSuccessAsync().ConfigureAwait(false);
    }

    /// <summary>Starts FILE_NAME ARGUMENTS (any executable) with the extra ENVIRONMENT variables.</summary>
    public static AppProcess Start(string name, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, ITestOutputHelper? log = null, TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        return new AppProcess(name, startInfo, log, timeout ?? DefaultTimeout);
    }

    /// <summary>
    /// Waits for the next <c>e2e: EVENT_NAME [TEXT]</c> line not returned before and returns its
    /// TEXT. Fails when the process exits without printing it, or at the deadline (killing it).
    /// </summary>
    public async Task<string> WaitForSignalAsync(string eventName)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var start = _signalCursors.GetValueOrDefault(eventName);
                for (var i = start; i < _stdout.Count; i++)
                {
                    if (AppProtocol.TryParse(_stdout[i], eventName, out var text))
                    {
                        _signalCursors[eventName] = i + 1;
                        return text;
                    }
                }

                _signalCursors[eventName] = _stdout.Count;
                changed = _changed.Task;
            }

            if (_exited.IsCompleted && !HasUnreadSignal(eventName))
            {
                throw Failure($"exited with code {_process.ExitCode} without printing \"{AppProtocol.Line(eventName)}\"");
            }

            var remaining = _timeout - _clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                await KillAsync().ConfigureAwait(false);
                throw Failure($"did not print \"{AppProtocol.Line(eventName)}\" within {Seconds(_timeout)} s, so it was killed");
            }

            await Task.WhenAny(changed, Task.Delay(remaining)).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the process exits (killing it and failing at the deadline).</summary>
    public async Task<AppResult> WaitForExitAsync()
    {
        var remaining = _timeout - _clock.Elapsed;
        if (remaining > TimeSpan.Zero)
        {
            await Task.WhenAny(_exited, Task.Delay(remaining)).ConfigureAwait(false);
        }

        if (!_exited.IsCompleted)
        {
            await KillAsync().ConfigureAwait(false);
            throw Failure($"did not exit within {Seconds(_timeout)} s, so it was killed");
        }

        return new AppResult(_process.ExitCode, Output);
    }

    /// <summary>Waits until the process exits and requires exit code 0.</summary>
    public async Task<AppResult> WaitForSuccessAsync()
    {
        var result = await WaitForExitAsync().ConfigureAwait(false);
        return result.ExitCode == 0 ? result : throw Failure($"exited with code {result.ExitCode}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_exited.IsCompleted)
        {
            Log("still running at the end of the test: killing it");
            await KillAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private bool HasUnreadSignal(string eventName)
    {
        lock (_gate)
        {
            return _stdout.Skip(_signalCursors.GetValueOrDefault(eventName)).Any(line => AppProtocol.TryParse(line, eventName, out _));
        }
    }

    private async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }

        await Task.WhenAny(_exited, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
    }

    private void OnLine(string marker, string? line)
    {
        if (line is null)
        {
            return; // end of that stream; _exited covers it
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            _output.Add(marker + line);
            if (ReferenceEquals(marker, StdoutMarker))
            {
                _stdout.Add(line);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        Log(marker + line);
    }

    private void Notify()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        Log($"exited with code {_process.ExitCode} after {Seconds(_clock.Elapsed)} s");
    }

    private void Log(string message)
    {
        try
        {
            _log?.WriteLine($"[{_name}] {message}");
        }
        catch (InvalidOperationException)
        {
            // The test is over; its output helper no longer takes lines.
        }
    }

    private AppProcessException Failure(string what)
    {
        var output = Output;
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{_name} (pid {_process.Id}) {what}.")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"  command: {_commandLine}")
            .AppendLine();
        if (output.Count == 0)
        {
            message.Append("  it printed nothing.");
        }
        else
        {
            var shown = output.Skip(Math.Max(0, output.Count - OutputLinesInMessages)).ToList();
            message.Append(CultureInfo.InvariantCulture,
                $"  output ({(shown.Count < output.Count ? $"last {shown.Count} of {output.Count}" : $"{output.Count}")} lines):");
            foreach (var line in shown)
            {
                message.AppendLine().Append("    ").Append(line);
            }
        }

        return new AppProcessException(message.ToString());
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=@,+".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
