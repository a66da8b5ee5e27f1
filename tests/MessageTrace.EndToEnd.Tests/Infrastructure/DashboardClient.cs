using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>The expected spans did not show up in the OTLP backend in time.</summary>
public sealed class DashboardTimeoutException(string message) : Exception(message);

/// <summary>
/// Reads traces back from the Aspire dashboard's telemetry API (no authentication: the set-up
/// hook starts it unsecured, on loopback).
/// <list type="bullet">
/// <item><c>GET /api/telemetry/traces?limit=N[&amp;resource=SERVICE]</c>: the latest N traces (default
/// 100), each with all its spans, in OTLP JSON under "data"; with <c>resource</c>, only traces
/// that involve that service (404 while the dashboard has seen nothing from it).</item>
/// <item><c>GET /api/telemetry/traces/{traceId}</c>: one trace (404 when unknown).</item>
/// </list>
/// Spans arrive asynchronously (the apps export in batches and the dashboard ingests in the
/// background), so tests poll with <see cref="WaitForSpansAsync"/> until a condition holds.
/// </summary>
public sealed class DashboardClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http;

    public DashboardClient(Uri dashboardUrl, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(dashboardUrl);
        BaseUrl = dashboardUrl;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = dashboardUrl;
        _http.Timeout = TimeSpan.FromSeconds(10);
    }

    public Uri BaseUrl { get; }

    /// <summary>The spans of the latest LIMIT traces, or of those that involve the service RESOURCE.</summary>
    public async Task<IReadOnlyList<SpanRecord>> GetTraceSpansAsync(string? resource = null, int limit = 200,
        CancellationToken cancellationToken = default)
    {
        var query = "api/telemetry/traces?limit=" + limit.ToString(CultureInfo.InvariantCulture);
        if (resource is not null)
        {
            query += "&resource=" + Uri.EscapeDataString(resource);
        }

        return await GetSpansAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The spans of one trace; empty when the dashboard does not know it.</summary>
    public Task<IReadOnlyList<SpanRecord>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default) =>
        GetSpansAsync("api/telemetry/traces/" + Uri.EscapeDataString(traceId), cancellationToken);

    /// <summary>
    /// Polls the traces (of RESOURCE, when given) until CONDITION holds for their spans, and
    /// returns those spans. At the deadline it fails with EXPECTATION and the spans it saw.
    /// </summary>
    public async Task<IReadOnlyList<SpanRecord>> WaitForSpansAsync(Func<IReadOnlyList<SpanRecord>, bool> condition,
        string expectation, string? resource = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        IReadOnlyList<SpanRecord> spans = [];
        Exception? lastError = null;
        while (true)
        {
            try
            {
                spans = await GetTraceSpansAsync(resource).ConfigureAwait(false);
                lastError = null;
                if (condition(spans))
                {
                    return spans;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or DashboardApiException)
            {
                lastError = e;
            }

            if (clock.Elapsed >= limit)
            {
                throw new DashboardTimeoutException(Describe(expectation, resource, limit, spans, lastError));
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<IReadOnlyList<SpanRecord>> GetSpansAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(relativeUrl, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return []; // unknown resource or trace: nothing exported under that name (yet)
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new DashboardApiException(
                $"GET {new Uri(BaseUrl, relativeUrl)} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(body, 500)}");
        }

        return OtlpJson.ParseSpans(body);
    }

    private string Describe(string expectation, string? resource, TimeSpan limit, IReadOnlyList<SpanRecord> spans, Exception? lastError)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture,
                $"The OTLP backend at {BaseUrl} did not show {expectation} within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture,
                $"  last answer of GET /api/telemetry/traces{(resource is null ? "" : $"?resource={resource}")}: {spans.Count} spans");
        if (lastError is not null)
        {
            text.AppendLine().Append("  last error: ").Append(lastError.Message);
        }

        foreach (var span in spans.Take(60))
        {
            text.AppendLine().Append("    ").Append(span);
        }

        return text.ToString();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "...";
}

/// <summary>The dashboard API answered with an unexpected status.</summary>
public sealed class DashboardApiException(string message) : Exception(message);
