using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrderPipeline.Telemetry;

namespace OrderPipeline.Output;

/// <summary>
/// <c>--json</c>: one JSON object per line: every finished span (<c>"type":"span"</c>), then every
/// exported metric point (<c>"type":"metric"</c>). Ids are lower-case hex as in W3C traceparent;
/// <c>parent_span_id</c> is null for a root span. A metric point is cumulative over the run: a
/// counter has <c>value</c>; a histogram has <c>count</c>, <c>sum</c>, <c>min</c>, <c>max</c>,
/// <c>explicit_bounds</c> and <c>bucket_counts</c> (one more than the bounds: the overflow bucket).
/// </summary>
/// <example>
/// {"type":"span","trace_id":"…","span_id":"…","parent_span_id":"…","name":"process orders","kind":"Consumer",
///  "start":"2025-01-01T12:00:00.0000000+00:00","duration_ms":0.412,"status":"Unset","status_description":null,
///  "attributes":{"messaging.system":"mqtt",…},"links":[{"trace_id":"…","span_id":"…","attributes":{}}],"events":[]}
/// {"type":"metric","name":"messaging.process.duration","unit":"s","meter":"MessageTrace","kind":"histogram",
///  "start":"…","end":"…","attributes":{"messaging.system":"mqtt",…},"count":1,"sum":0.0004,"min":0.0004,"max":0.0004,
///  "explicit_bounds":[0.005,0.01,…],"bucket_counts":[1,0,…]}
/// </example>
public static class JsonLines
{
    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    // Readable text ('+', quotes and non-ASCII as they are); still valid JSON.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream output, IEnumerable<SpanRecord> spans, IEnumerable<MetricPointRecord> metrics)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var span in spans)
        {
            WriteLine(output, buffer, json => WriteSpan(json, span));
        }

        foreach (var point in metrics)
        {
            WriteLine(output, buffer, json => WriteMetric(json, point));
        }

        output.Flush();
    }

    private static void WriteLine(Stream output, ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            write(json);
        }

        output.Write(buffer.WrittenSpan);
        output.Write(s_newLine);
    }

    private static void WriteMetric(Utf8JsonWriter json, MetricPointRecord point)
    {
        json.WriteStartObject();
        json.WriteString("type", "metric");
        json.WriteString("name", point.Name);
        json.WriteString("unit", point.Unit);
        json.WriteString("meter", point.MeterName);
        json.WriteString("kind", point.Histogram is null ? "sum" : "histogram");
        json.WriteString("start", Timestamp(point.Start));
        json.WriteString("end", Timestamp(point.End));
        json.WritePropertyName("attributes");
        WriteAttributes(json, point.Attributes);
        if (point.Histogram is { } histogram)
        {
            json.WriteNumber("count", histogram.Count);
            json.WriteNumber("sum", histogram.Sum);
            WriteNumberOrNull(json, "min", histogram.Min);
            WriteNumberOrNull(json, "max", histogram.Max);
            json.WriteStartArray("explicit_bounds");
            foreach (var bound in histogram.Bounds)
            {
                json.WriteNumberValue(bound);
            }

            json.WriteEndArray();
            json.WriteStartArray("bucket_counts");
            foreach (var count in histogram.BucketCounts)
            {
                json.WriteNumberValue(count);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteNumber("value", point.Value ?? 0);
        }

        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteSpan(Utf8JsonWriter json, SpanRecord span)
    {
        json.WriteStartObject();
        json.WriteString("type", "span");
        json.WriteString("trace_id", span.TraceId);
        json.WriteString("span_id", span.SpanId);
        if (span.ParentSpanId is null)
        {
            json.WriteNull("parent_span_id");
        }
        else
        {
            json.WriteString("parent_span_id", span.ParentSpanId);
        }

        json.WriteString("name", span.Name);
        json.WriteString("kind", span.Kind.ToString());
        json.WriteString("start", Timestamp(span.Start));
        json.WriteNumber("duration_ms", Math.Round(span.Duration.TotalMilliseconds, 3));
        json.WriteString("status", span.Status.ToString());
        json.WriteString("status_description", span.StatusDescription);
        json.WritePropertyName("attributes");
        WriteAttributes(json, span.Attributes);
        json.WriteStartArray("links");
        foreach (var link in span.Links)
        {
            json.WriteStartObject();
            json.WriteString("trace_id", link.TraceId);
            json.WriteString("span_id", link.SpanId);
            json.WritePropertyName("attributes");
            WriteAttributes(json, link.Attributes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("events");
        foreach (var e in span.Events)
        {
            json.WriteStartObject();
            json.WriteString("name", e.Name);
            json.WritePropertyName("attributes");
            // The stack trace is left out: long, and of no use to a script.
            WriteAttributes(json, e.Attributes, skip: "exception.stacktrace");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> attributes, string? skip = null)
    {
        json.WriteStartObject();
        foreach (var (key, value) in attributes)
        {
            if (key == skip)
            {
                continue;
            }

            switch (value)
            {
                case null:
                    json.WriteNull(key);
                    break;
                case string text:
                    json.WriteString(key, text);
                    break;
                case bool flag:
                    json.WriteBoolean(key, flag);
                    break;
                case ulong unsigned:
                    json.WriteNumber(key, unsigned);
                    break;
                case int or long or short or byte or uint or ushort or sbyte:
                    json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case double or float or decimal:
                    json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        json.WriteEndObject();
    }
}
