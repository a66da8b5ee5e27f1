using BenchmarkDotNet.Attributes;
using MessageTrace.Benchmarks.Environment;

namespace MessageTrace.Benchmarks.Benchmarks;

/// <summary>
/// A Bare / Generated / HandWritten comparison over scenarios and tracestate cases. Each benchmark case runs
/// in its own process, so one scenario's listeners and SDK never leak into another's. Derived classes say
/// which scenarios they run by overriding <see cref="Scenario"/> with their <c>[Params]</c>.
/// </summary>
[MemoryDiagnoser]
public abstract class ScenarioBenchmarksBase
{
    /// <summary>Who listens.</summary>
    public abstract Scenario Scenario { get; set; }

    /// <summary>Whether a tracestate travels.</summary>
    [Params(TraceStateCase.Absent, TraceStateCase.Present)]
    public TraceStateCase TraceState { get; set; }

    /// <summary>The scenario's listeners; set up once per benchmark process.</summary>
    protected TracingSetup? Setup { get; private set; }

    /// <summary>Starts the scenario, then lets the derived class prepare its messages.</summary>
    protected void StartScenario(bool ambientParentWhenTraceStatePresent)
    {
        Setup = TracingSetup.Start(Scenario);
        if (ambientParentWhenTraceStatePresent && TraceState == TraceStateCase.Present)
        {
            Setup.StartAmbientParent();
        }
    }

    /// <summary>Ends the scenario.</summary>
    protected void StopScenario()
    {
        Setup?.Dispose();
        Setup = null;
    }
}

/// <summary>The full matrix: every scenario, with and without a MeterProvider.</summary>
public abstract class ScenarioBenchmarks : ScenarioBenchmarksBase
{
    /// <summary>Who listens: S1 to S4 without, and S1M to S4M with a MeterProvider.</summary>
    [Params(Scenario.S1_NoListener, Scenario.S2_SampleNone, Scenario.S3_SdkAlwaysOff, Scenario.S4_SdkAlwaysOn,
        Scenario.S1M_NoListener_MeterOn, Scenario.S2M_SampleNone_MeterOn, Scenario.S3M_SdkAlwaysOff_MeterOn, Scenario.S4M_SdkAlwaysOn_MeterOn)]
    public override Scenario Scenario { get; set; }
}

/// <summary>
/// The tracing scenarios only (S1 to S4): for carriers whose rows add a broker to the comparison rather than
/// a new question, so the run stays short.
/// </summary>
public abstract class TracingScenarioBenchmarks : ScenarioBenchmarksBase
{
    /// <summary>Who listens: S1 to S4.</summary>
    [Params(Scenario.S1_NoListener, Scenario.S2_SampleNone, Scenario.S3_SdkAlwaysOff, Scenario.S4_SdkAlwaysOn)]
    public override Scenario Scenario { get; set; }
}
