using System;
using System.Globalization;
using Xunit;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Tests that launch apps against the shared brokers and backend run one at a time, so that a
/// 2-core machine is not asked to start many .NET processes at once and time-outs stay meaningful.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "End-to-end processes";
}

/// <summary>A short unique id for one test's queue, subject and service names.</summary>
public static class RunId
{
    public static string New() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..10];
}
