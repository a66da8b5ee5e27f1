using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MessageTrace.Sample.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MessageTrace.Sample.Tests;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set the sample also exports its spans over OTLP (to the Aspire dashboard here).</summary>
public sealed class OtlpExportTests(ITestOutputHelper log)
{
    private static readonly TimeSpan IngestDeadline = TimeSpan.FromSeconds(30);

    [ServiceFact("MESSAGETRACE_OTLP_ENDPOINT", "MESSAGETRACE_DASHBOARD_URL")]
    public async Task TheSpansPrintedAreTheSpansExported()
    {
        var service = "OrderPipeline-" + Guid.NewGuid().ToString("N")[..8];
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Environment.GetEnvironmentVariable("MESSAGETRACE_OTLP_ENDPOINT")!,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_SERVICE_NAME"] = service,
        };
        var run = await SampleProcess.RunAsync(log, environment, "--json", "--timeout", "60");
        Assert.True(run.ExitCode == 0, run.Describe());
        var printed = JsonSpan.ParseAll(run.Stdout);
        var traceId = Assert.Single(printed.Select(span => span.TraceId).Distinct());

        // The sample flushed its exporter before exiting; the dashboard ingests in the background, so
        // its API is asked again until the whole trace is there, up to a deadline.
        using var dashboard = new HttpClient
        {
            BaseAddress = new Uri(Environment.GetEnvironmentVariable("MESSAGETRACE_DASHBOARD_URL")!),
            Timeout = TimeSpan.FromSeconds(10),
        };
        var clock = Stopwatch.StartNew();
        IReadOnlyList<(string Service, string SpanId, string? ParentSpanId, string Name)> exported = [];
        while (exported.Count < printed.Count && clock.Elapsed < IngestDeadline)
        {
            using var response = await dashboard.GetAsync("api/telemetry/traces/" + traceId);
            exported = response.StatusCode == HttpStatusCode.NotFound ? [] : ReadSpans(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
            if (exported.Count < printed.Count)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }

        Assert.True(exported.Count == printed.Count, $"the dashboard has {exported.Count} of the {printed.Count} spans of trace {traceId} after {clock.Elapsed.TotalSeconds:0} s");
        Assert.All(exported, span => Assert.Equal(service, span.Service));
        Assert.Equal(
            printed.Select(span => (span.SpanId, span.ParentSpanId, span.Name)).OrderBy(span => span.SpanId),
            exported.Select(span => (span.SpanId, span.ParentSpanId, span.Name)).OrderBy(span => span.SpanId));
    }

    /// <summary>The spans of an OTLP JSON answer (data.resourceSpans[].scopeSpans[].spans[]) with their service.</summary>
    private static IReadOnlyList<(string Service, string SpanId, string? ParentSpanId, string Name)> ReadSpans(string json)
    {
        using var document = JsonDocument.Parse(json);
        var spans = new List<(string, string, string?, string)>();
        foreach (var resourceSpans in document.RootElement.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = resourceSpans.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Where(attribute => attribute.GetProperty("key").GetString() == "service.name")
                .Select(attribute => attribute.GetProperty("value").GetProperty("stringValue").GetString())
                .FirstOrDefault() ?? "";
            foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scopeSpans.GetProperty("spans").EnumerateArray())
                {
                    var parent = span.TryGetProperty("parentSpanId", out var value) && value.GetString() is { Length: > 0 } id ? id : null;
                    spans.Add((service, span.GetProperty("spanId").GetString()!, parent, span.GetProperty("name").GetString()!));
                }
            }
        }

        return spans;
    }
}
