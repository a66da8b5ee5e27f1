using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderPipeline.Brokers;
using OrderPipeline.Brokers.Kafka;
using OrderPipeline.Brokers.Mqtt;
using OrderPipeline.Brokers.Nats;
using OrderPipeline.Brokers.RabbitMq;
using OrderPipeline.Domain;
using OrderPipeline.Output;
using OrderPipeline.Telemetry;
using Spectre.Console;

namespace OrderPipeline;

/// <summary>
/// Runs the sample: starts tracing and metrics (the OpenTelemetry SDK listening to MessageTrace's
/// source and meter), wires the services to the broker, places the orders, waits (with a deadline)
/// until every span the pipeline must produce has ended, flushes, and prints the traces and a
/// summary of the exported metrics per destination and consumer group.
/// </summary>
/// <remarks>
/// There is no hand-written span anywhere: each order's <c>send orders</c> is the root of its trace.
/// </remarks>
public static class PipelineApp
{
    /// <summary>Spans per valid order: send orders, process orders, send invoices, process invoices.</summary>
    public const int SpansPerValidOrder = 4;

    /// <summary>
    /// Spans per invalid order: send orders, two failing process orders (first try and retry), send
    /// orders.dead, process orders.dead.
    /// </summary>
    public const int SpansPerInvalidOrder = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        // Logs, progress and (with --json) the summary: stderr. The traces or the JSON lines: stdout.
        var log = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        WidenWhenRedirected(log, Console.IsErrorRedirected);
        if (!PipelineOptions.TryParse(args, out var options, out var error))
        {
            log.MarkupLine($"[red]OrderPipeline: {Markup.Escape(error!)}[/]");
            Console.Error.WriteLine();
            Console.Error.WriteLine(PipelineOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.Out.WriteLine(PipelineOptions.Usage);
            return 0;
        }

        if (options.Topology)
        {
            return PipelineTopology.Print(options.Broker, Console.Out);
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler interrupt = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += interrupt;

        var orders = CreateOrders(options);
        var expectedSpans = orders.Sum(order => order.Amount > 0 ? SpansPerValidOrder : SpansPerInvalidOrder);
        var collector = new SpanCollector();
        var otlpEndpoint = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        var tracing = StartTracing(collector, !string.IsNullOrWhiteSpace(otlpEndpoint));
        var metricCollector = new MetricCollector();
        var metrics = StartMetrics(metricCollector, !string.IsNullOrWhiteSpace(otlpEndpoint));
        var ledger = new PipelineLedger();
        var clock = Stopwatch.StartNew();
        bool complete;
        string description;
        try
        {
            await using var pipeline = CreatePipeline(options, ledger);
            try
            {
                await pipeline.StartAsync(cancel.Token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                log.MarkupLine($"[red]OrderPipeline: could not start the {options.Broker.ToString().ToLowerInvariant()} pipeline ({Markup.Escape(pipeline.Description)}): {Markup.Escape(exception.Message)}[/]");
                return 1;
            }

            description = pipeline.Description;
            log.MarkupLine($"[grey]OrderPipeline: {Markup.Escape(description)}; {orders.Count} order(s), {expectedSpans} spans expected"
                + (string.IsNullOrWhiteSpace(otlpEndpoint) ? "" : $"; exporting OTLP to {Markup.Escape(otlpEndpoint)}") + "[/]");

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
            deadline.CancelAfter(options.Timeout);
            try
            {
                if (options.MessagesGiven)
                {
                    complete = await log.Progress()
                        .AutoClear(false)
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                        .StartAsync(async context =>
                        {
                            var published = context.AddTask("orders published", maxValue: orders.Count);
                            var spans = context.AddTask("spans ended", maxValue: expectedSpans);
                            return await RunOrdersAsync(pipeline, orders, collector, expectedSpans, deadline.Token,
                                sent => published.Value = sent,
                                count => spans.Value = count);
                        });
                }
                else
                {
                    complete = await RunOrdersAsync(pipeline, orders, collector, expectedSpans, deadline.Token, null, null);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The broker went away, refused a message, ...: say so, and still show what was traced.
                // (A client may report the deadline as its own time-out: then the deadline is the story.)
                if (!deadline.IsCancellationRequested)
                {
                    log.MarkupLine($"[red]OrderPipeline: the pipeline failed: {Markup.Escape(exception.GetType().Name)}: {Markup.Escape(exception.Message)}[/]");
                }

                complete = false;
            }

            if (cancel.IsCancellationRequested)
            {
                log.MarkupLine("[yellow]OrderPipeline: interrupted[/]");
                return 130;
            }
        }
        finally
        {
            Console.CancelKeyPress -= interrupt;
            // Disposing the provider flushes every processor, the OTLP exporter included.
            tracing.ForceFlush(5_000);
            tracing.Dispose();
            // Every span has ended, so every measurement is in: one last collection exports the
            // run's cumulative points to the collector (and to OTLP).
            metrics.ForceFlush(5_000);
            metrics.Dispose();
        }

        var spansSeen = collector.Snapshot();
        if (!complete)
        {
            log.MarkupLine($"[red]OrderPipeline: only {spansSeen.Count} of {expectedSpans} spans ended within {options.Timeout.TotalSeconds:0} s[/]");
        }

        var metricPoints = metricCollector.Snapshot();
        var messaging = MessagingSummary.Build(metricPoints);
        var traces = TraceView.Build(spansSeen);
        var summary = new RunSummary(options.Broker, description, orders.Count, orders.Count(order => order.Amount <= 0), ledger,
            spansSeen.Count, expectedSpans, traces.Count, spansSeen.Count(span => span.IsError), clock.Elapsed);
        if (options.Json)
        {
            using (var stdout = Console.OpenStandardOutput())
            {
                JsonLines.Write(stdout, spansSeen, metricPoints);
            }

            MessagingSummary.Render(log, messaging);
            summary.Render(log);
        }
        else
        {
            var console = AnsiConsole.Console;
            WidenWhenRedirected(console, Console.IsOutputRedirected);
            DrawTraces(console, traces, spansSeen);
            MessagingSummary.Render(console, messaging);
            summary.Render(console);
        }

        return complete ? 0 : 1;
    }

    /// <summary>
    /// Piped or captured output has no width: Spectre.Console then assumes 80 columns, too narrow for a
    /// waterfall row. COLUMNS, when set, still wins.
    /// </summary>
    private static void WidenWhenRedirected(IAnsiConsole console, bool redirected)
    {
        if (redirected)
        {
            var columns = Environment.GetEnvironmentVariable("COLUMNS");
            console.Profile.Width = int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width > 0 ? width : 160;
        }
    }

    /// <summary>
    /// Places the orders one after the other, then waits until the expected spans have all ended.
    /// Returns <see langword="false"/> when <paramref name="deadline"/> fired first.
    /// </summary>
    private static async Task<bool> RunOrdersAsync(
        IBrokerPipeline pipeline,
        IReadOnlyList<Order> orders,
        SpanCollector collector,
        int expectedSpans,
        CancellationToken deadline,
        Action<int>? published,
        Action<int>? spansEnded)
    {
        try
        {
            for (var i = 0; i < orders.Count; i++)
            {
                await pipeline.PlaceOrderAsync(orders[i], deadline);
                published?.Invoke(i + 1);
                spansEnded?.Invoke(collector.Count);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }

        return await collector.WaitForAsync(expectedSpans, spansEnded, deadline);
    }

    private static TracerProvider StartTracing(SpanCollector collector, bool otlp)
    {
        var builder = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService("OrderPipeline").AddEnvironmentVariableDetector())
            .AddMessageTraceInstrumentation()
            .AddProcessor(collector);
        if (otlp)
        {
            // Endpoint, protocol and headers come from the OTEL_EXPORTER_OTLP_* variables.
            builder.AddOtlpExporter();
        }

        return builder.Build();
    }

    /// <summary>
    /// MessageTrace's meter, registered the one-line way. The collector's reader exports only when
    /// flushed (at the end); the OTLP exporter, when configured, exports periodically and at the end.
    /// </summary>
    private static MeterProvider StartMetrics(MetricCollector collector, bool otlp)
    {
        var builder = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService("OrderPipeline").AddEnvironmentVariableDetector())
            .AddMessageTraceInstrumentation()
            .AddReader(new BaseExportingMetricReader(collector));
        if (otlp)
        {
            builder.AddOtlpExporter();
        }

        return builder.Build();
    }

    private static IBrokerPipeline CreatePipeline(PipelineOptions options, PipelineLedger ledger) => options.Broker switch
    {
        BrokerKind.Nats => new NatsPipeline(options.NatsUrl, ledger),
        BrokerKind.RabbitMq => new RabbitMqPipeline(options.RabbitMqUri, ledger),
        BrokerKind.Kafka => new KafkaPipeline(ledger),
        _ => new MqttPipeline(ledger),
    };

    /// <summary>Orders o-0001, o-0002, ...: every 5th (and, with --invalid, the first) has a negative amount.</summary>
    public static IReadOnlyList<Order> CreateOrders(PipelineOptions options)
    {
        string[] customers = ["ada", "grace", "linus", "barbara", "ken"];
        var orders = new List<Order>(options.Messages);
        for (var n = 1; n <= options.Messages; n++)
        {
            var amount = 10m + ((n * 37) % 90) + 0.99m;
            var invalid = n % PipelineOptions.InvalidEvery == 0 || (n == 1 && options.FirstOrderInvalid);
            orders.Add(new Order("o-" + n.ToString("0000", CultureInfo.InvariantCulture), customers[(n - 1) % customers.Length], invalid ? -amount : amount));
        }

        return orders;
    }

    /// <summary>
    /// Draws the order traces (all of them up to three orders; otherwise the first one and the first
    /// failed one), each followed by the traces that link into it (a parked order's <c>send orders.dead</c>).
    /// </summary>
    private static void DrawTraces(IAnsiConsole console, IReadOnlyList<TraceView> traces, IReadOnlyList<SpanRecord> spans)
    {
        var byId = spans.ToDictionary(span => span.SpanId, StringComparer.Ordinal);
        var orderTraces = traces.Where(trace => trace.Roots.Any(root => root.ParentSpanId is null && root.Name == "send " + Topics.Orders)).ToList();
        var linkedInto = traces.Except(orderTraces)
            .SelectMany(trace => trace.Roots.SelectMany(root => root.Links).Select(link => (Target: link.TraceId, Trace: trace)))
            .ToLookup(pair => pair.Target, pair => pair.Trace, StringComparer.Ordinal);
        var drawn = new HashSet<TraceView>();

        var chosen = orderTraces.Count <= 3
            ? orderTraces
            : new[] { orderTraces[0], orderTraces.FirstOrDefault(trace => trace.HasError) }.OfType<TraceView>().Distinct().ToList();
        foreach (var trace in chosen)
        {
            var number = orderTraces.IndexOf(trace) + 1;
            Waterfall.Render(console, trace, $"order #{number}" + (trace.HasError ? " (failed)" : ""), byId);
            drawn.Add(trace);
            foreach (var linked in linkedInto[trace.TraceId].Distinct())
            {
                Waterfall.Render(console, linked, $"order #{number}, parked", byId);
                drawn.Add(linked);
            }
        }

        var others = traces.Where(trace => !drawn.Contains(trace) && !orderTraces.Contains(trace) && !linkedInto.Any(group => group.Contains(trace))).ToList();
        foreach (var trace in others)
        {
            Waterfall.Render(console, trace, "other trace", byId);
            drawn.Add(trace);
        }

        Waterfall.RenderLegend(console);
        if (drawn.Count < traces.Count)
        {
            console.MarkupLine($"[grey]{traces.Count - drawn.Count} more trace(s) not drawn; --json prints every span.[/]");
        }

        console.WriteLine();
    }
}
