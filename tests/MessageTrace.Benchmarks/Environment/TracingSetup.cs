using System;
using System.Diagnostics;
using MessageTrace.Benchmarks.App;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MessageTrace.Benchmarks.Environment;

/// <summary>What listens to the MessageTrace and the hand-written sources during a benchmark.</summary>
public enum Scenario
{
    /// <summary>S1: no listener at all.</summary>
    S1_NoListener,

    /// <summary>S2: an <see cref="ActivityListener"/> whose Sample returns None.</summary>
    S2_SampleNone,

    /// <summary>S3: the OpenTelemetry SDK with the AlwaysOff sampler.</summary>
    S3_SdkAlwaysOff,

    /// <summary>S4: the OpenTelemetry SDK with AlwaysOn and an exporter that drops every span.</summary>
    S4_SdkAlwaysOn,

    /// <summary>S1 plus an SDK <c>MeterProvider</c> listening to the MessageTrace and hand-written meters.</summary>
    S1M_NoListener_MeterOn,

    /// <summary>S2 plus the <c>MeterProvider</c>.</summary>
    S2M_SampleNone_MeterOn,

    /// <summary>S3 plus the <c>MeterProvider</c>.</summary>
    S3M_SdkAlwaysOff_MeterOn,

    /// <summary>S4 plus the <c>MeterProvider</c>.</summary>
    S4M_SdkAlwaysOn_MeterOn,
}

/// <summary>The two halves of a scenario: who listens to the spans, and whether a meter provider listens.</summary>
public static class Scenarios
{
    /// <summary>The tracing half: S1 to S4.</summary>
    public static Scenario Tracing(this Scenario scenario) => scenario switch
    {
        Scenario.S1M_NoListener_MeterOn => Scenario.S1_NoListener,
        Scenario.S2M_SampleNone_MeterOn => Scenario.S2_SampleNone,
        Scenario.S3M_SdkAlwaysOff_MeterOn => Scenario.S3_SdkAlwaysOff,
        Scenario.S4M_SdkAlwaysOn_MeterOn => Scenario.S4_SdkAlwaysOn,
        _ => scenario,
    };

    /// <summary>Whether an OpenTelemetry SDK <c>MeterProvider</c> records the messaging metrics.</summary>
    public static bool MeterOn(this Scenario scenario) => scenario != scenario.Tracing();

    /// <summary>The same tracing with the meter provider on.</summary>
    public static Scenario WithMeter(this Scenario scenario) => scenario.Tracing() switch
    {
        Scenario.S1_NoListener => Scenario.S1M_NoListener_MeterOn,
        Scenario.S2_SampleNone => Scenario.S2M_SampleNone_MeterOn,
        Scenario.S3_SdkAlwaysOff => Scenario.S3M_SdkAlwaysOff_MeterOn,
        _ => Scenario.S4M_SdkAlwaysOn_MeterOn,
    };
}

/// <summary>Whether the context that travels carries a <c>tracestate</c>.</summary>
public enum TraceStateCase
{
    /// <summary>
    /// Producer: no ambient span (the send is a root). Consumer: the message carries a
    /// <c>traceparent</c> only.
    /// </summary>
    Absent,

    /// <summary>
    /// Producer: an ambient, sampled parent span whose <c>TraceStateString</c> is set, so
    /// <c>tracestate</c> is injected. Consumer: the message carries <c>traceparent</c> and <c>tracestate</c>.
    /// </summary>
    Present,
}

/// <summary>Sets up and tears down one scenario for one benchmark process.</summary>
public sealed class TracingSetup : IDisposable
{
    /// <summary>The W3C <c>tracestate</c> used wherever one is present (two vendors, 39 characters).</summary>
    public const string TraceStateValue = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE";

    /// <summary>An upstream <c>traceparent</c> (sampled), as received messages carry it.</summary>
    public const string UpstreamTraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static readonly string[] s_sources = [MessageTraceSource.Name, HandWritten.SourceName];

    private readonly IDisposable? _listener;
    private MeterProvider? _meters;
    private Activity? _ambient;

    private TracingSetup(IDisposable? listener) => _listener = listener;

    /// <summary>Starts <paramref name="scenario"/>.</summary>
    public static TracingSetup Start(Scenario scenario)
    {
        Activity.Current = null;

        // One propagator for every scenario: W3C trace context + baggage, as the SDK installs it. Without
        // this, S1 and S2 would run the hand-written code against OpenTelemetry.Api's no-op propagator
        // (which injects nothing) while MessageTrace still propagates W3C context.
        var setup = scenario.Tracing() switch
        {
            Scenario.S1_NoListener => new TracingSetup(null),
            Scenario.S2_SampleNone => new TracingSetup(SampleNoneListener()),
            Scenario.S3_SdkAlwaysOff => new TracingSetup(Sdk.CreateTracerProviderBuilder()
                .AddSource(s_sources)
                .SetSampler(new AlwaysOffSampler())
                .Build()),
            Scenario.S4_SdkAlwaysOn => new TracingSetup(Sdk.CreateTracerProviderBuilder()
                .AddSource(s_sources)
                .SetSampler(new AlwaysOnSampler())
                .AddProcessor(new SimpleActivityExportProcessor(new DroppingExporter()))
                .Build()),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
        };
        Sdk.SetDefaultTextMapPropagator(new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]));
        if (scenario.MeterOn())
        {
            // Measurements are aggregated as they are recorded (the hot path); the reader only exports
            // when collected, which no benchmark does, so no export thread competes with the benchmark.
            setup._meters = Sdk.CreateMeterProviderBuilder()
                .AddMessageTraceInstrumentation()
                .AddMeter(HandWritten.SourceName)
                .AddReader(new BaseExportingMetricReader(new DroppingMetricExporter()))
                .Build();
        }

        return setup;
    }

    /// <summary>
    /// Makes a sampled span with <see cref="TraceStateValue"/> the ambient <see cref="Activity.Current"/>
    /// (it comes from no source, so no listener sees it).
    /// </summary>
    public Activity StartAmbientParent()
    {
        var parent = new Activity("ambient request");
        parent.SetIdFormat(ActivityIdFormat.W3C);
        parent.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        parent.TraceStateString = TraceStateValue;
        parent.Start();
        _ambient = parent;
        return parent;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ambient?.Stop();
        Activity.Current = null;
        _listener?.Dispose();
        _meters?.Dispose();
    }

    private static ActivityListener SampleNoneListener()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = static source => Array.IndexOf(s_sources, source.Name) >= 0,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            SampleUsingParentId = static (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.None,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>A metric exporter that drops every batch.</summary>
    private sealed class DroppingMetricExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }

    /// <summary>An exporter that drops every span: the SDK pipeline runs, nothing leaves the process.</summary>
    private sealed class DroppingExporter : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch) => ExportResult.Success;
    }
}
