using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace MessageTrace.Sample.Tests.Infrastructure;

/// <summary>The "type" of one line of the sample's <c>--json</c> output; any other line fails the test.</summary>
public static class JsonLineType
{
    public static string Of(string line)
    {
        using var document = JsonDocument.Parse(line);
        var type = document.RootElement.GetProperty("type").GetString();
        Assert.True(type is "span" or "metric", $"a --json line of type '{type}': {line}");
        return type!;
    }
}

/// <summary>One metric point line of the sample's <c>--json</c> output (cumulative over the run).</summary>
public sealed record JsonMetric(
    string Name,
    string Unit,
    string Meter,
    string Kind,
    IReadOnlyDictionary<string, string> Attributes,
    long? Value,
    long? Count,
    double? Sum,
    IReadOnlyList<double> ExplicitBounds,
    IReadOnlyList<long> BucketCounts)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;

    public static IReadOnlyList<JsonMetric> ParseAll(IEnumerable<string> lines) =>
        lines.Where(line => JsonLineType.Of(line) == "metric").Select(Parse).ToList();

    public static JsonMetric Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var histogram = root.GetProperty("kind").GetString() == "histogram";
        return new JsonMetric(
            root.GetProperty("name").GetString()!,
            root.GetProperty("unit").GetString()!,
            root.GetProperty("meter").GetString()!,
            root.GetProperty("kind").GetString()!,
            root.GetProperty("attributes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal),
            histogram ? null : root.GetProperty("value").GetInt64(),
            histogram ? root.GetProperty("count").GetInt64() : null,
            histogram ? root.GetProperty("sum").GetDouble() : null,
            histogram ? root.GetProperty("explicit_bounds").EnumerateArray().Select(b => b.GetDouble()).ToList() : [],
            histogram ? root.GetProperty("bucket_counts").EnumerateArray().Select(c => c.GetInt64()).ToList() : []);
    }
}
