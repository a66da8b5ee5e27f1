using System;
using System.Globalization;

namespace MessageTrace.EndToEnd.Apps;

/// <summary>
/// What an end-to-end app tells the test that launched it. Each signal is one stdout line,
/// <c>e2e: EVENT [TEXT]</c>; everything else an app prints is only shown in failure messages.
/// This file is compiled into every app and into MessageTrace.EndToEnd.Tests.
/// </summary>
public static class AppProtocol
{
    /// <summary>Starts every signal line.</summary>
    public const string Prefix = "e2e: ";

    /// <summary>The app is connected and subscribed: messages published from now on reach it.</summary>
    public const string Ready = "ready";

    /// <summary>A message left the app: <c>published ID</c>.</summary>
    public const string Published = "published";

    /// <summary>A message arrived: <c>received ID headers=KEY:TYPE,...</c>.</summary>
    public const string Received = "received";

    /// <summary>Exit code for a usage or configuration error (missing argument or variable).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code for an app that gave up waiting (for messages, say).</summary>
    public const int TimeoutExitCode = 3;

    /// <summary>
    /// Seconds an app may run before it gives up (exit code 3, after disposing what it started):
    /// the test's process runner sets it a little below its own kill deadline. Default 60.
    /// </summary>
    public const string TimeoutVariable = "MESSAGETRACE_APP_TIMEOUT_SECONDS";

    /// <summary>The full line for EVENT and optional TEXT.</summary>
    public static string Line(string eventName, string? text = null) =>
        text is null ? Prefix + eventName : string.Create(CultureInfo.InvariantCulture, $"{Prefix}{eventName} {text}");

    /// <summary>True when LINE is the signal EVENT; TEXT is what follows it (empty when nothing).</summary>
    public static bool TryParse(string line, string eventName, out string text)
    {
        text = "";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = line.AsSpan(Prefix.Length);
        if (!rest.StartsWith(eventName, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[eventName.Length..];
        if (rest.Length == 0)
        {
            return true;
        }

        if (rest[0] != ' ')
        {
            return false;
        }

        text = rest[1..].ToString();
        return true;
    }
}
