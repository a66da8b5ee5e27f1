using System;
using System.Runtime.CompilerServices;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace MessageTrace.Runtime.Tests;

/// <summary>Sets the global default propagator for the length of a test and restores the previous one.</summary>
internal sealed class PropagatorScope : IDisposable
{
    private readonly TextMapPropagator _previous;

    public PropagatorScope(TextMapPropagator propagator)
    {
        _previous = Propagators.DefaultTextMapPropagator;
        Sdk.SetDefaultTextMapPropagator(propagator);
    }

    /// <summary>
    /// The propagator OpenTelemetry.Api installs before any SDK is set up (its no-op), captured when the
    /// test assembly loads, before any test can touch <see cref="Sdk"/> (whose static constructor
    /// replaces it with the W3C pair).
    /// </summary>
    public static TextMapPropagator ApiDefault { get; private set; } = null!;

    public static PropagatorScope W3CPair() => new(new CompositeTextMapPropagator(new TextMapPropagator[]
    {
        new TraceContextPropagator(),
        new BaggagePropagator(),
    }));

    public void Dispose() => Sdk.SetDefaultTextMapPropagator(_previous);

#pragma warning disable CA2255 // A module initializer in a test assembly is the one place that runs before every test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void CaptureApiDefault() => ApiDefault = Propagators.DefaultTextMapPropagator;
}
