using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>The expected metric points did not show up in the OTLP backend in time.</summary>
public sealed class MetricsTimeoutException(string message) : Exception(message);

/// <summary>
/// Reads metric points back from the Aspire dashboard. Its HTTP API (13.6) serves spans and logs
/// only, so the set-up hook runs it with its run store on disk (persistence mode Run) and exports
/// the store's SQLite file as MESSAGETRACE_DASHBOARD_DB; this opens it read-only while the
/// dashboard writes (SQLite's WAL mode allows one writer beside readers). The tables are the
/// dashboard's own (pinned version, see scripts/test-setup.d/30-otlp-backend.sh): instruments per
/// resource and scope, a dimension per attribute set, points per dimension.
/// </summary>
public sealed class DashboardRunStore(string databasePath)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private const string LatestPointsSql = """
        SELECT d.dimension_id, sc.scope_name, i.instrument_name, i.unit,
               p.integer_value, p.histogram_count, p.histogram_sum
        FROM telemetry_metric_instruments i
        JOIN telemetry_resources r ON r.resource_id = i.resource_id
        JOIN telemetry_scopes sc ON sc.scope_id = i.scope_id
        JOIN telemetry_metric_dimensions d ON d.instrument_id = i.instrument_id
        JOIN telemetry_metric_points p ON p.point_id =
             (SELECT MAX(latest.point_id) FROM telemetry_metric_points latest WHERE latest.dimension_id = d.dimension_id)
        WHERE r.resource_name = $service
        ORDER BY d.dimension_id
        """;

    private const string AttributesSql = """
        SELECT a.dimension_id, a.attribute_key, a.attribute_value
        FROM telemetry_metric_dimension_attributes a
        JOIN telemetry_metric_dimensions d ON d.dimension_id = a.dimension_id
        JOIN telemetry_metric_instruments i ON i.instrument_id = d.instrument_id
        JOIN telemetry_resources r ON r.resource_id = i.resource_id
        WHERE r.resource_name = $service
        ORDER BY a.dimension_id, a.ordinal
        """;

    public string DatabasePath { get; } = databasePath ?? throw new ArgumentNullException(nameof(databasePath));

    /// <summary>The latest point of every series SERVICE exported.</summary>
    public IReadOnlyList<MetricPoint> ReadLatestPoints(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();

        var attributes = new Dictionary<long, Dictionary<string, string>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = AttributesSql;
            command.Parameters.AddWithValue("$service", service);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var dimension = reader.GetInt64(0);
                if (!attributes.TryGetValue(dimension, out var set))
                {
                    attributes[dimension] = set = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                set[reader.GetString(1)] = reader.GetString(2);
            }
        }

        var points = new List<MetricPoint>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = LatestPointsSql;
            command.Parameters.AddWithValue("$service", service);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var dimension = reader.GetInt64(0);
                points.Add(new MetricPoint(
                    service,
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    attributes.TryGetValue(dimension, out var set) ? set : new Dictionary<string, string>(),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5),
                    reader.IsDBNull(6) ? null : reader.GetDouble(6)));
            }
        }

        return points;
    }

    /// <summary>
    /// Polls SERVICE's latest points until CONDITION holds, and returns them. At the deadline it
    /// fails with EXPECTATION and the points it saw.
    /// </summary>
    public async Task<IReadOnlyList<MetricPoint>> WaitForPointsAsync(string service, Func<IReadOnlyList<MetricPoint>, bool> condition,
        string expectation, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        IReadOnlyList<MetricPoint> points = [];
        Exception? lastError = null;
        while (true)
        {
            try
            {
                points = ReadLatestPoints(service);
                lastError = null;
                if (condition(points))
                {
                    return points;
                }
            }
            catch (SqliteException e)
            {
                lastError = e; // e.g. the dashboard holding the write lock while it migrates
            }

            if (clock.Elapsed >= limit)
            {
                throw new MetricsTimeoutException(Describe(service, expectation, limit, points, lastError));
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    private string Describe(string service, string expectation, TimeSpan limit, IReadOnlyList<MetricPoint> points, Exception? lastError)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture,
                $"The OTLP backend's run store {DatabasePath} did not show {expectation} for service {service} within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; it held {points.Count} series.");
        if (lastError is not null)
        {
            text.AppendLine().Append("  last error: ").Append(lastError.Message);
        }

        foreach (var point in points.Take(60))
        {
            text.AppendLine().Append("    ").Append(point);
        }

        return text.ToString();
    }
}
