using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// An ActivityListener on the MessageTrace source only. Records what each Sample call saw (the name,
/// kind, parent, tags and links passed at start) and the stopped activities.
/// </summary>
internal sealed class MessageTraceListener : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly object _gate = new();
    private readonly List<SampleCall> _samples = new();
    private readonly List<Activity> _stopped = new();

    public MessageTraceListener(ActivitySamplingResult result = ActivitySamplingResult.AllDataAndRecorded, bool recordSamples = true)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MessageTraceSource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
            {
                if (recordSamples)
                {
                    var call = new SampleCall(
                        options.Name,
                        options.Kind,
                        options.Parent,
                        options.Tags?.ToList() ?? new List<KeyValuePair<string, object?>>(),
                        options.Links?.ToList() ?? new List<ActivityLink>());
                    lock (_gate)
                    {
                        _samples.Add(call);
                    }
                }

                return result;
            },
            ActivityStopped = activity =>
            {
                lock (_gate)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<SampleCall> Samples
    {
        get
        {
            lock (_gate)
            {
                return _samples.ToList();
            }
        }
    }

    public IReadOnlyList<Activity> Stopped
    {
        get
        {
            lock (_gate)
            {
                return _stopped.ToList();
            }
        }
    }

    public SampleCall SingleSample() => Xunit.Assert.Single(Samples);

    public void Dispose() => _listener.Dispose();
}

internal sealed record SampleCall(
    string Name,
    ActivityKind Kind,
    ActivityContext Parent,
    List<KeyValuePair<string, object?>> Tags,
    List<ActivityLink> Links)
{
    public object? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;

    public bool HasTag(string key) => Tags.Any(t => t.Key == key);
}
