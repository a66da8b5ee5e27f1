using Xunit;

namespace MessageTrace.RocketMq.Tests.Infrastructure;

/// <summary>
/// Tests that listen to the MessageTrace source share process-wide state (listeners,
/// Activity.Current, the default propagator), so they never run in parallel with each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "Tracing";
}
