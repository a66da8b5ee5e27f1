using Xunit;

namespace MessageTrace.Packaging.Tests.Infrastructure;

/// <summary>
/// Every packaging test shares one pack (<see cref="PackagedMessageTrace"/>) and runs one at a time: they
/// build and publish real projects, which is slow and CPU-bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagingCollection : ICollectionFixture<PackagedMessageTrace>
{
    public const string Name = "Packaged MessageTrace";
}
