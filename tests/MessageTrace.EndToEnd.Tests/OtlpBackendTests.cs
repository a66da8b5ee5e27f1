using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.EndToEnd.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Xunit;

namespace MessageTrace.EndToEnd.Tests;

/// <summary>
/// The OTLP backend on its own: spans exported from this process with the OpenTelemetry SDK come
/// back from the dashboard API with every field the tests rely on.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OtlpBackendTests
{
    [Fact]
    public async Task ExportedSpans_ComeBackWithIdsKindsParentAttributesLinksEventsAndStatus()
    {
        var backend = EndToEndEnvironment.Current.OtlpBackend();
        var run = RunId.New();
        var service = $"otlp-round-trip-{run}";
        var sourceName = $"MessageTrace.EndToEnd.Tests.RoundTrip.{run}";
        var linked = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        string traceId, parentId, childId;

        using (var source = new ActivitySource(sourceName))
        using (var provider = Sdk.CreateTracerProviderBuilder()
                   .AddSource(sourceName)
                   .ConfigureResource(resource => resource.AddService(service))
                   .AddOtlpExporter(options => Configure(options, backend))
                   .Build())
        {
            using var parent = source.StartActivity("round-trip parent", ActivityKind.Server, default(ActivityContext))
                ?? throw new InvalidOperationException("the SDK did not sample the parent span");
            var tags = new Dictionary<string, object?> { ["text"] = "a", ["number"] = 42, ["flag"] = true, ["ratio"] = 0.5 };
            var links = new[] { new ActivityLink(linked, new ActivityTagsCollection { ["link.note"] = "n" }) };
            using (var child = source.StartActivity("round-trip child", ActivityKind.Producer, parent.Context, tags, links)
                       ?? throw new InvalidOperationException("the SDK did not sample the child span"))
            {
                child.AddEvent(new ActivityEvent("round-trip event"));
                child.SetStatus(ActivityStatusCode.Error, "boom");
                childId = child.SpanId.ToHexString();
            }

            traceId = parent.TraceId.ToHexString();
            parentId = parent.SpanId.ToHexString();
            parent.Stop();
            provider.ForceFlush();
        }

        using var dashboard = new DashboardClient(backend.DashboardUrl);
        var spans = await dashboard.WaitForSpansAsync(all => all.Count(s => s.TraceId == traceId) == 2,
            $"both spans of trace {traceId} from {service}", resource: service);

        var parentSpan = Assert.Single(spans, s => s.SpanId == parentId);
        Assert.Equal("round-trip parent", parentSpan.Name);
        Assert.Equal(ActivityKind.Server, parentSpan.Kind);
        Assert.Null(parentSpan.ParentSpanId);
        Assert.Equal(service, parentSpan.ServiceName);
        Assert.Equal(sourceName, parentSpan.ScopeName);

        var childSpan = Assert.Single(spans, s => s.SpanId == childId);
        Assert.Equal("round-trip child", childSpan.Name);
        Assert.Equal(ActivityKind.Producer, childSpan.Kind);
        Assert.Equal(traceId, childSpan.TraceId);
        Assert.True(childSpan.IsChildOf(parentSpan));
        // The dashboard stores attribute values as strings.
        Assert.Equal("a", childSpan.Attribute("text"));
        Assert.Equal("42", childSpan.Attribute("number"));
        Assert.Equal("true", childSpan.Attribute("flag"));
        Assert.Equal("0.5", childSpan.Attribute("ratio"));
        var link = Assert.Single(childSpan.Links);
        Assert.Equal(linked.TraceId.ToHexString(), link.TraceId);
        Assert.Equal(linked.SpanId.ToHexString(), link.SpanId);
        Assert.Equal("n", link.Attributes.GetValueOrDefault("link.note"));
        Assert.Contains(childSpan.Events, e => e.Name == "round-trip event");
        Assert.Equal(ActivityStatusCode.Error, childSpan.Status);
        Assert.Equal("boom", childSpan.StatusMessage);
        Assert.True(childSpan.EndTime >= childSpan.StartTime);
        Assert.True(childSpan.StartTime > DateTimeOffset.UtcNow.AddMinutes(-10));

        var trace = await dashboard.GetTraceAsync(traceId);
        Assert.Equal(new[] { childId, parentId }.Order(), trace.Select(s => s.SpanId).Order());
        Assert.Empty(await dashboard.GetTraceAsync(ActivityTraceId.CreateRandom().ToHexString()));
    }

    private static void Configure(OtlpExporterOptions options, OtlpBackend backend)
    {
        if (backend.OtlpProtocol == "http/protobuf")
        {
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
            options.Endpoint = new Uri(backend.OtlpEndpoint, "v1/traces");
        }
        else
        {
            options.Protocol = OtlpExportProtocol.Grpc;
            options.Endpoint = backend.OtlpEndpoint;
        }
    }
}
