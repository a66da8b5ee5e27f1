using BenchmarkDotNet.Attributes;
using MessageTrace.Benchmarks.Environment;

namespace MessageTrace.Benchmarks.Benchmarks;

/// <summary>
/// The matrix shared by the Bare / Generated / HandWritten comparisons: every scenario, with and without
/// <c>tracestate</c>. Each benchmark case runs in its own process, so one scenario's listeners and SDK
/// never leak into another's.
/// </summary>
[MemoryDiagnoser]
public abstract class ScenarioBenchmarks
{
    /// <summary>Who listens.</summary>
    [Params(Scenario.S1_NoListener, Scenario.S2_SampleNone, Scenario.S3_SdkAlwaysOff, Scenario.S4_SdkAlwaysOn)]
    public Scenario Scenario { get; set; }

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
