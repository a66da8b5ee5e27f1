using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MessageTrace.Benchmarks.App;
using MessageTrace.Benchmarks.Environment;
using Org.Apache.Rocketmq;

namespace MessageTrace.Benchmarks.Verification;

/// <summary>
/// Runs every Generated and HandWritten variant once per scenario and compares what each produced: the
/// span (name, kind, parent, links, trace state, attributes, status) and the headers written. Ids are
/// replaced by the role they play (ambient, upstream, the span itself), so two runs compare equal when
/// they propagate the same context the same way. Writes a markdown section; returns the number of
/// differences.
/// </summary>
public static class Equivalence
{
    private const string MessageIdPlaceholder = "<receipt id>";

    /// <summary>Runs the comparison and writes the markdown to <paramref name="path"/>.</summary>
    public static int Run(string path)
    {
        var output = new StringBuilder();
        var differences = new List<string>();
        output.AppendLine("Each row compares one Generated and one HandWritten run of the same case; ids are named by role");
        output.AppendLine("(`ambient`, `upstream`, `span` = the span this call created, `?` = a span that was not exported).");
        output.AppendLine();
        foreach (var side in new[] { "Producer", "Consumer" })
        {
            foreach (var carrier in new[] { "String", "Bytes" })
            {
                foreach (var scenario in Enum.GetValues<Scenario>())
                {
                    foreach (var traceState in Enum.GetValues<TraceStateCase>())
                    {
                        var generated = Observe(side, carrier, scenario, traceState, generated: true);
                        var handWritten = Observe(side, carrier, scenario, traceState, generated: false);
                        Compare($"{side} {carrier} {Short(scenario)} tracestate {traceState.ToString().ToLowerInvariant()}", generated, handWritten, output, differences);
                    }
                }
            }
        }

        output.AppendLine();
        if (differences.Count == 0)
        {
            output.AppendLine("No difference: both variants record the same spans and write the same headers in every case.");
        }
        else
        {
            output.AppendLine($"Differences found ({differences.Count}):");
            output.AppendLine();
            foreach (var difference in differences)
            {
                output.AppendLine("- " + difference);
            }
        }

        File.WriteAllText(path, output.ToString());
        Console.WriteLine(output.ToString());
        return differences.Count;
    }

    private static string Short(Scenario scenario) => scenario.ToString().Split('_')[0];

    private static Observation Observe(string side, string carrier, Scenario scenario, TraceStateCase traceState, bool generated)
    {
        using var setup = TracingSetup.Start(scenario);
        // S1 has no listener by definition, so nothing can watch its spans (it creates none).
        using var probe = scenario.Tracing() == Scenario.S1_NoListener ? null : new SpanProbe();
        Activity? ambient = side == "Producer" && traceState == TraceStateCase.Present ? setup.StartAmbientParent() : null;
        var roles = new Roles(ambient);
        IDictionary<string, string>? written;
        if (side == "Producer" && carrier == "String")
        {
            var config = new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").EnableSsl(false).Build();
            using var producer = new Producer.Builder().SetClientConfig(config).Build().GetAwaiter().GetResult();
            var publisher = new OrderPublisher(producer);
            var message = new Message.Builder().SetTopic("orders").SetBody([1, 2, 3]).SetTag("created").SetKeys("order-17").AddProperty("app", "shop").Build();
            _ = generated ? publisher.PublishGenerated(message).GetAwaiter().GetResult() : publisher.PublishHandWritten(message).GetAwaiter().GetResult();
            written = producer.SentMessagesForTest.Single().Properties!.ToDictionary(static p => p.Key, static p => "string: " + p.Value);
        }
        else if (side == "Producer")
        {
            var bus = new InHouseBus();
            var publisher = new EnvelopePublisher(bus);
            var envelope = new Envelope { Topic = "orders", MessageId = "order-17", Body = [1, 2, 3], Headers = new Dictionary<string, object?> { ["content-type"] = "application/json"u8.ToArray() } };
            if (generated)
            {
                publisher.PublishGenerated(envelope);
            }
            else
            {
                publisher.PublishHandWritten(envelope);
            }

            written = envelope.Headers!.ToDictionary(static p => p.Key, static p => p.Value switch
            {
                byte[] bytes => "byte[]: " + Encoding.UTF8.GetString(bytes),
                string text => "string: " + text,
                var other => other?.GetType().Name + ": " + other,
            });
        }
        else if (carrier == "String")
        {
            var properties = new Dictionary<string, string> { ["app"] = "shop", ["traceparent"] = TracingSetup.UpstreamTraceParent };
            if (traceState == TraceStateCase.Present)
            {
                properties["tracestate"] = TracingSetup.TraceStateValue;
            }

            var view = MessageView.CreateForTest("010A0B0C0D0E0F1F2B0A3C4D5E00000011", "orders", [1, 2, 3], tag: "created", keys: ["order-17"], properties: properties);
            var handler = new BillingHandler();
            _ = generated ? handler.ConsumeGenerated(view) : handler.ConsumeHandWritten(view);
            written = null;
        }
        else
        {
            var headers = new Dictionary<string, object?> { ["content-type"] = "application/json"u8.ToArray(), ["traceparent"] = Encoding.UTF8.GetBytes(TracingSetup.UpstreamTraceParent) };
            if (traceState == TraceStateCase.Present)
            {
                headers["tracestate"] = Encoding.UTF8.GetBytes(TracingSetup.TraceStateValue);
            }

            var handler = new EnvelopeHandler();
            var envelope = new Envelope { Topic = "orders", MessageId = "order-17", Body = [1, 2, 3], Headers = headers };
            if (generated)
            {
                handler.HandleGenerated(envelope);
            }
            else
            {
                handler.HandleHandWritten(envelope);
            }

            written = null;
        }

        var span = probe?.Stopped.SingleOrDefault();
        roles.Span = span;
        return new Observation(span is null ? null : Describe(span, roles), written is null ? null : DescribeHeaders(written, roles), span?.Source.Name);
    }

    private static SortedDictionary<string, string> Describe(Activity span, Roles roles)
    {
        var description = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = span.DisplayName,
            ["kind"] = span.Kind.ToString(),
            ["recorded"] = span.Recorded.ToString(),
            ["all data requested"] = span.IsAllDataRequested.ToString(),
            ["trace id"] = roles.TraceOf(span.TraceId.ToHexString()),
            ["parent"] = span.ParentSpanId == default ? "(root)" : roles.SpanOf(span.ParentSpanId.ToHexString()) + (span.HasRemoteParent ? " (remote)" : " (local)"),
            ["tracestate"] = span.TraceStateString ?? "(none)",
            ["links"] = string.Join(", ", span.Links.Select(l => roles.TraceOf(l.Context.TraceId.ToHexString()) + "/" + roles.SpanOf(l.Context.SpanId.ToHexString()))) is { Length: > 0 } links ? links : "(none)",
            ["status"] = span.Status.ToString(),
        };
        foreach (var tag in span.TagObjects)
        {
            string value = tag.Value switch
            {
                string[] array => "string[] {" + string.Join(", ", array) + "}",
                string text => text,
                IFormattable formattable => formattable.GetType().Name + " " + formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other?.ToString() ?? "null",
            };
            if (tag.Key == MessagingAttributes.MessageId && value.Length == 34)
            {
                value = MessageIdPlaceholder;
            }

            description["attr " + tag.Key] = value;
        }

        return description;
    }

    private static SortedDictionary<string, string> DescribeHeaders(IDictionary<string, string> headers, Roles roles)
    {
        var description = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            string shown = value;
            int colon = value.IndexOf(": ", StringComparison.Ordinal);
            if (name == "traceparent" && colon > 0 && value.Length - colon - 2 == 55)
            {
                var text = value.Substring(colon + 2);
                shown = value.Substring(0, colon + 2) + "00-" + roles.TraceOf(text.Substring(3, 32)) + "-" + roles.SpanOf(text.Substring(36, 16)) + "-" + text.Substring(53, 2);
            }

            description["header " + name] = shown;
        }

        return description;
    }

    private static void Compare(string title, Observation generated, Observation handWritten, StringBuilder output, List<string> differences)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var part in new[] { generated.Span, generated.Headers, handWritten.Span, handWritten.Headers })
        {
            if (part is not null)
            {
                keys.UnionWith(part.Keys);
            }
        }

        var rows = new List<(string Key, string Generated, string HandWritten)>();
        foreach (var key in keys)
        {
            string g = Value(generated, key);
            string h = Value(handWritten, key);
            rows.Add((key, g, h));
            if (!string.Equals(g, h, StringComparison.Ordinal))
            {
                differences.Add($"{title}: `{key}` is `{g}` (Generated) vs `{h}` (HandWritten)");
            }
        }

        bool same = rows.All(static r => r.Generated == r.HandWritten);
        output.AppendLine($"<details><summary>{title}: {(same ? "same" : "DIFFERENT")} ({(generated.Span is null ? "no span" : "span")}, {(generated.Headers is null ? "headers read" : "headers written")})</summary>");
        output.AppendLine();
        output.AppendLine("| what | Generated | HandWritten |");
        output.AppendLine("|---|---|---|");
        foreach (var (key, g, h) in rows)
        {
            output.AppendLine($"| {key} | {Cell(g)} | {Cell(h)}{(g == h ? "" : " **≠**")} |");
        }

        output.AppendLine();
        output.AppendLine("</details>");
    }

    private static string Value(Observation observation, string key)
    {
        if (observation.Span is not null && observation.Span.TryGetValue(key, out var span))
        {
            return span;
        }

        if (observation.Headers is not null && observation.Headers.TryGetValue(key, out var header))
        {
            return header;
        }

        return key.StartsWith("header ", StringComparison.Ordinal) || key.StartsWith("attr ", StringComparison.Ordinal) || observation.Span is not null ? "(absent)" : "(no span)";
    }

    private static string Cell(string value) => "`" + value.Replace("|", "\\|", StringComparison.Ordinal) + "`";

    private sealed record Observation(SortedDictionary<string, string>? Span, SortedDictionary<string, string>? Headers, string? Source);

    /// <summary>Names ids by the role they play in a case.</summary>
    private sealed class Roles(Activity? ambient)
    {
        public Activity? Span { get; set; }

        public string TraceOf(string id) =>
            id == ambient?.TraceId.ToHexString() ? "ambient" :
            id == TracingSetup.UpstreamTraceParent.Substring(3, 32) ? "upstream" :
            id == Span?.TraceId.ToHexString() ? "span" : "?";

        public string SpanOf(string id) =>
            id == ambient?.SpanId.ToHexString() ? "ambient" :
            id == TracingSetup.UpstreamTraceParent.Substring(36, 16) ? "upstream" :
            id == Span?.SpanId.ToHexString() ? "span" : "?";
    }

    /// <summary>Sees every span of both sources stop, whoever sampled it, without changing sampling (Sample returns None).</summary>
    private sealed class SpanProbe : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();

        public SpanProbe()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = static source => source.Name is MessageTraceSource.Name or HandWritten.SourceName,
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
                SampleUsingParentId = static (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.None,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyCollection<Activity> Stopped => _stopped;

        public void Dispose() => _listener.Dispose();
    }
}
