using System;
using System.Diagnostics;

namespace MessageTrace.Runtime.Tests;

/// <summary>An ambient span (not from MessageTrace) made current for the length of a test.</summary>
internal sealed class AmbientActivity : IDisposable
{
    private readonly Activity? _previous = Activity.Current;

    public AmbientActivity(string? traceState = null)
    {
        Activity = new Activity("ambient");
        Activity.SetIdFormat(ActivityIdFormat.W3C);
        Activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        Activity.TraceStateString = traceState;
        Activity.Start();
    }

    public Activity Activity { get; }

    public ActivityContext Context => Activity.Context;

    public void Dispose()
    {
        Activity.Stop();
        Activity.Current = _previous;
    }
}
