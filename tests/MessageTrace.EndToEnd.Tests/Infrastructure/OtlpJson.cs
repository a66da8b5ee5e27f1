using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Reads OTLP-JSON trace data (<c>resourceSpans[].scopeSpans[].spans[]</c>, the OTLP/HTTP JSON
/// encoding) into <see cref="SpanRecord"/>s. Accepts what the Aspire dashboard API writes (the
/// payload under "data", hex ids, integer kinds, all attribute values as stringValue) as well as
/// the other spellings the encoding allows (string enum names, typed attribute values).
/// </summary>
public static class OtlpJson
{
    /// <summary>Spans of an OTLP-JSON document: either the TracesData object itself or an API answer wrapping it in "data".</summary>
    public static IReadOnlyList<SpanRecord> ParseSpans(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            root = data;
        }

        var spans = new List<SpanRecord>();
        foreach (var resourceSpans in Array(root, "resourceSpans"))
        {
            var resource = resourceSpans.TryGetProperty("resource", out var r) ? Attributes(r) : Empty;
            var serviceName = resource.TryGetValue("service.name", out var name) ? name : "";
            foreach (var scopeSpans in Array(resourceSpans, "scopeSpans"))
            {
                var scopeName = scopeSpans.TryGetProperty("scope", out var scope) ? String(scope, "name") ?? "" : "";
                foreach (var span in Array(scopeSpans, "spans"))
                {
                    spans.Add(Span(span, serviceName, scopeName, resource));
                }
            }
        }

        return spans;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static SpanRecord Span(JsonElement span, string serviceName, string scopeName, IReadOnlyDictionary<string, string> resource)
    {
        var status = span.TryGetProperty("status", out var s) ? s : default;
        return new SpanRecord(
            TraceId: Id(span, "traceId") ?? "",
            SpanId: Id(span, "spanId") ?? "",
            ParentSpanId: Id(span, "parentSpanId"),
            Name: String(span, "name") ?? "",
            Kind: Kind(span.TryGetProperty("kind", out var kind) ? kind : default),
            ServiceName: serviceName,
            ScopeName: scopeName,
            Attributes: Attributes(span),
            Links: Array(span, "links")
                .Select(link => new SpanLinkRecord(Id(link, "traceId") ?? "", Id(link, "spanId") ?? "",
                    String(link, "traceState") is { Length: > 0 } state ? state : null, Attributes(link)))
                .ToList(),
            Events: Array(span, "events")
                .Select(e => new SpanEventRecord(String(e, "name") ?? "", Time(e, "timeUnixNano"), Attributes(e)))
                .ToList(),
            Status: status.ValueKind == JsonValueKind.Object && status.TryGetProperty("code", out var code) ? StatusCode(code) : ActivityStatusCode.Unset,
            StatusMessage: status.ValueKind == JsonValueKind.Object ? String(status, "message") : null,
            StartTime: Time(span, "startTimeUnixNano"),
            EndTime: Time(span, "endTimeUnixNano"),
            ResourceAttributes: resource);
    }

    /// <summary>OTLP span kinds: 0 unspecified (read as internal), 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</summary>
    private static ActivityKind Kind(JsonElement kind)
    {
        var value = kind.ValueKind switch
        {
            JsonValueKind.Number => kind.GetInt32(),
            JsonValueKind.String => kind.GetString() switch
            {
                "SPAN_KIND_SERVER" => 2,
                "SPAN_KIND_CLIENT" => 3,
                "SPAN_KIND_PRODUCER" => 4,
                "SPAN_KIND_CONSUMER" => 5,
                _ => 1,
            },
            _ => 1,
        };
        return value switch
        {
            2 => ActivityKind.Server,
            3 => ActivityKind.Client,
            4 => ActivityKind.Producer,
            5 => ActivityKind.Consumer,
            _ => ActivityKind.Internal,
        };
    }

    /// <summary>OTLP status codes: 0 unset, 1 ok, 2 error (the same numbers as ActivityStatusCode).</summary>
    private static ActivityStatusCode StatusCode(JsonElement code) => code.ValueKind switch
    {
        JsonValueKind.Number => code.GetInt32() switch
        {
            1 => ActivityStatusCode.Ok,
            2 => ActivityStatusCode.Error,
            _ => ActivityStatusCode.Unset,
        },
        JsonValueKind.String => code.GetString() switch
        {
            "STATUS_CODE_OK" => ActivityStatusCode.Ok,
            "STATUS_CODE_ERROR" => ActivityStatusCode.Error,
            _ => ActivityStatusCode.Unset,
        },
        _ => ActivityStatusCode.Unset,
    };

    private static Dictionary<string, string> Attributes(JsonElement owner)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in Array(owner, "attributes"))
        {
            if (String(attribute, "key") is { } key)
            {
                attributes[key] = attribute.TryGetProperty("value", out var value) ? Value(value) : "";
            }
        }

        return attributes;
    }

    /// <summary>An AnyValue as text: strings as they are, numbers and bools invariant, arrays as [a,b].</summary>
    private static string Value(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return value.ToString();
        }

        foreach (var property in value.EnumerateObject())
        {
            return property.Name switch
            {
                "stringValue" or "intValue" or "bytesValue" => property.Value.ToString(),
                "boolValue" => property.Value.ValueKind == JsonValueKind.True ? "true" : "false",
                "doubleValue" => property.Value.ValueKind == JsonValueKind.Number
                    ? property.Value.GetDouble().ToString(CultureInfo.InvariantCulture)
                    : property.Value.ToString(),
                "arrayValue" => "[" + string.Join(",", Array(property.Value, "values").Select(Value)) + "]",
                _ => property.Value.GetRawText(),
            };
        }

        return ""; // {}: no value
    }

    private static IEnumerable<JsonElement> Array(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    private static string? String(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A hex id, lower-cased; null when absent or empty (a root span has no parent id).</summary>
    private static string? Id(JsonElement owner, string name) =>
        String(owner, name) is { Length: > 0 } id ? id.ToLowerInvariant() : null;

    private static DateTimeOffset Time(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return default;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds)
            ? DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / 100))
            : default;
    }
}
