using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Tests that touch process-wide telemetry state: the OpenTelemetry default propagator, the SDK,
/// ActivityListeners on the MessageTrace source, or allocation counters that a listener registered by
/// another test would disturb. xunit runs collections with parallelization disabled one test at a time,
/// after the parallel collections have finished.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalStateCollection
{
    public const string Name = "Global telemetry state";
}
