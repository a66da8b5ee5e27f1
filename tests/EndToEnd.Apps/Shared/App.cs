using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MessageTrace.EndToEnd.Apps;

/// <summary>A missing or malformed argument or environment variable: exit code 2, message on stderr.</summary>
public sealed class AppUsageException(string message) : Exception(message);

/// <summary>
/// Entry-point helpers shared by the end-to-end apps: arguments, environment variables, signals
/// for the test (<see cref="AppProtocol"/>), a time limit, and exit codes with readable messages.
/// </summary>
public static class App
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs BODY under the time limit and returns the exit code: 0 when it completes, 2 for a
    /// usage error, 3 when the time limit cancelled it, 1 for any other exception. Anything
    /// BODY disposes (its TracerProvider, so its spans are flushed) is disposed in every case.
    /// </summary>
    public static async Task<int> RunAsync(string appName, Func<CancellationToken, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        TimeSpan timeout;
        try
        {
            timeout = Timeout();
        }
        catch (AppUsageException e)
        {
            await Console.Error.WriteLineAsync($"{appName}: {e.Message}").ConfigureAwait(false);
            return AppProtocol.UsageExitCode;
        }

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await body(cancellation.Token).ConfigureAwait(false);
            return 0;
        }
        catch (AppUsageException e)
        {
            await Console.Error.WriteLineAsync($"{appName}: {e.Message}").ConfigureAwait(false);
            return AppProtocol.UsageExitCode;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(
                $"{appName}: gave up after {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({AppProtocol.TimeoutVariable})").ConfigureAwait(false);
            return AppProtocol.TimeoutExitCode;
        }
#pragma warning disable CA1031 // an app reports every failure as an exit code and a message
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"{appName}: failed: {e}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>The argument at INDEX (0-based), which must be there and not be empty.</summary>
    public static string Argument(string[] args, int index, string name)
    {
        ArgumentNullException.ThrowIfNull(args);
        return index < args.Length && args[index].Length > 0
            ? args[index]
            : throw new AppUsageException($"missing argument {index + 1}: {name}");
    }

    /// <summary>The positive integer argument at INDEX, or FALLBACK when there is none.</summary>
    public static int PositiveIntArgument(string[] args, int index, string name, int fallback)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (index >= args.Length)
        {
            return fallback;
        }

        return int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new AppUsageException($"argument {index + 1} ({name}) must be a positive integer, not '{args[index]}'");
    }

    /// <summary>The environment variable NAME, which must be set; WHAT says what it is for.</summary>
    public static string Environment(string name, string what) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new AppUsageException($"{name} is not set: {what}");

    /// <summary>Writes one signal line for the test and flushes it.</summary>
    public static void Signal(string eventName, string? text = null)
    {
        Console.Out.WriteLine(AppProtocol.Line(eventName, text));
        Console.Out.Flush();
    }

    /// <summary>Message headers as <c>key:type,...</c> (type: string, bytes, null or the CLR type name), sorted by key.</summary>
    public static string DescribeHeaders<TValue>(IEnumerable<KeyValuePair<string, TValue>>? headers)
    {
        if (headers is null)
        {
            return "";
        }

        return string.Join(",", headers
            .OrderBy(header => header.Key, StringComparer.Ordinal)
            .Select(header => header.Key + ":" + header.Value switch
            {
                null => "null",
                string => "string",
                byte[] => "bytes",
                _ when header.Value.GetType().Name == "StringValues" => "string",
                _ => header.Value.GetType().Name,
            }));
    }

    private static TimeSpan Timeout()
    {
        var text = System.Environment.GetEnvironmentVariable(AppProtocol.TimeoutVariable);
        if (string.IsNullOrEmpty(text))
        {
            return DefaultTimeout;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new AppUsageException($"{AppProtocol.TimeoutVariable} must be a positive number of seconds, not '{text}'");
    }
}
