using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A service the end-to-end tests need is not configured or not reachable. The tests fail with
/// it (they never skip): the message names the variable or the piece that is missing.
/// </summary>
public sealed class EndToEndSetupException(string message) : Exception(message);

/// <summary>A RabbitMQ broker (AMQP 0-9-1, guest/guest, vhost /).</summary>
public sealed record RabbitMqService(Uri Uri)
{
    public string Host => Uri.Host;

    public int Port => Uri.Port;

    /// <summary>The variable the apps read the broker from (MESSAGETRACE_RABBITMQ_URI).</summary>
    public KeyValuePair<string, string> AppVariable => new(EndToEndEnvironment.RabbitMqUriVariable, Uri.ToString());
}

/// <summary>A NATS server.</summary>
public sealed record NatsService(Uri Url)
{
    /// <summary>The variable the apps read the server from (MESSAGETRACE_NATS_URL).</summary>
    public KeyValuePair<string, string> AppVariable => new(EndToEndEnvironment.NatsUrlVariable, Url.ToString().TrimEnd('/'));
}

/// <summary>An OTLP trace backend (the Aspire dashboard) and its read API.</summary>
public sealed record OtlpBackend(Uri OtlpEndpoint, string OtlpProtocol, Uri DashboardUrl)
{
    /// <summary>
    /// The variables that make an app's OpenTelemetry SDK export to this backend under
    /// SERVICE_NAME, plus MORE (the broker's address, say).
    /// </summary>
    public Dictionary<string, string> AppVariables(string serviceName, params KeyValuePair<string, string>[] more)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = OtlpEndpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = OtlpProtocol,
            ["OTEL_SERVICE_NAME"] = serviceName,
        };
        foreach (var (key, value) in more)
        {
            variables[key] = value;
        }

        return variables;
    }
}

/// <summary>
/// Reads the services that scripts/test-setup.d started (and exported as MESSAGETRACE_*) for
/// ./test.sh or scripts/with-test-services.sh. Every accessor checks its variables (set, well
/// formed, loopback only) and that something accepts TCP connections there, and otherwise
/// throws <see cref="EndToEndSetupException"/> saying what is missing and how to provide it.
/// </summary>
public sealed class EndToEndEnvironment(Func<string, string?> variables)
{
    public const string NatsUrlVariable = "MESSAGETRACE_NATS_URL";
    public const string RabbitMqUriVariable = "MESSAGETRACE_RABBITMQ_URI";
    public const string RabbitMqHostVariable = "MESSAGETRACE_RABBITMQ_HOST";
    public const string RabbitMqPortVariable = "MESSAGETRACE_RABBITMQ_PORT";
    public const string OtlpEndpointVariable = "MESSAGETRACE_OTLP_ENDPOINT";
    public const string OtlpProtocolVariable = "MESSAGETRACE_OTLP_PROTOCOL";
    public const string DashboardUrlVariable = "MESSAGETRACE_DASHBOARD_URL";
    public const string DashboardDatabaseVariable = "MESSAGETRACE_DASHBOARD_DB";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The test process's own environment.</summary>
    public static EndToEndEnvironment Current { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>MESSAGETRACE_RABBITMQ_URI, or MESSAGETRACE_RABBITMQ_HOST (default 127.0.0.1) and _PORT.</summary>
    public RabbitMqService RabbitMq()
    {
        const string what = "a RabbitMQ broker";
        Uri uri;
        if (Read(RabbitMqUriVariable) is { } text)
        {
            uri = ParseUri(RabbitMqUriVariable, text, what, "amqp");
        }
        else if (Read(RabbitMqPortVariable) is { } portText)
        {
            var host = Read(RabbitMqHostVariable) ?? "127.0.0.1";
            if (!int.TryParse(portText, out var port) || port is <= 0 or > 65535)
            {
                throw new EndToEndSetupException($"{RabbitMqPortVariable}='{portText}' is not a TCP port.");
            }

            uri = ParseUri(RabbitMqHostVariable, $"amqp://guest:guest@{host}:{port}/", what, "amqp");
        }
        else
        {
            throw NotConfigured($"{RabbitMqUriVariable} (or {RabbitMqPortVariable})", what,
                $"export {RabbitMqUriVariable}=amqp://guest:guest@127.0.0.1:PORT/");
        }

        RequireListening(uri, RabbitMqUriVariable, what);
        return new RabbitMqService(uri);
    }

    /// <summary>MESSAGETRACE_NATS_URL.</summary>
    public NatsService Nats()
    {
        const string what = "a NATS server";
        var text = Read(NatsUrlVariable) ?? throw NotConfigured(NatsUrlVariable, what, $"export {NatsUrlVariable}=nats://127.0.0.1:PORT");
        var url = ParseUri(NatsUrlVariable, text, what, "nats");
        RequireListening(url, NatsUrlVariable, what);
        return new NatsService(url);
    }

    /// <summary>MESSAGETRACE_OTLP_ENDPOINT (OTLP/gRPC unless MESSAGETRACE_OTLP_PROTOCOL says otherwise) and MESSAGETRACE_DASHBOARD_URL.</summary>
    public OtlpBackend OtlpBackend()
    {
        const string what = "an OTLP trace backend (the Aspire dashboard)";
        var endpointText = Read(OtlpEndpointVariable)
            ?? throw NotConfigured(OtlpEndpointVariable, what, $"export {OtlpEndpointVariable}=http://127.0.0.1:PORT (OTLP/gRPC) and {DashboardUrlVariable}");
        var dashboardText = Read(DashboardUrlVariable)
            ?? throw NotConfigured(DashboardUrlVariable, "the read API of the OTLP trace backend (the Aspire dashboard)",
                $"export {DashboardUrlVariable}=http://127.0.0.1:PORT (the dashboard serving GET /api/telemetry/traces)");
        var protocol = Read(OtlpProtocolVariable) ?? "grpc";
        if (protocol is not ("grpc" or "http/protobuf"))
        {
            throw new EndToEndSetupException($"{OtlpProtocolVariable}='{protocol}': expected grpc or http/protobuf.");
        }

        var endpoint = ParseUri(OtlpEndpointVariable, endpointText, what, "http");
        var dashboard = ParseUri(DashboardUrlVariable, dashboardText, what, "http");
        RequireListening(endpoint, OtlpEndpointVariable, what);
        RequireListening(dashboard, DashboardUrlVariable, what);
        return new OtlpBackend(endpoint, protocol, dashboard);
    }

    /// <summary>MESSAGETRACE_DASHBOARD_DB: the SQLite run store of the dashboard the apps export to, for metric points.</summary>
    public DashboardRunStore DashboardRunStore()
    {
        var path = Read(DashboardDatabaseVariable)
            ?? throw NotConfigured(DashboardDatabaseVariable, "the run store of the OTLP backend (the Aspire dashboard's dashboard.db), to read metric points",
                $"start the dashboard with ASPIRE_DASHBOARD_PERSISTENCE_MODE=Run and ASPIRE_DASHBOARD_DATA_DIRECTORY=DIR, then export {DashboardDatabaseVariable}=DIR/runs/<run>/dashboard.db");
        if (!File.Exists(path))
        {
            throw new EndToEndSetupException(
                $"{DashboardDatabaseVariable}='{path}' names no file: the dashboard's run store is gone (./test.sh and scripts/with-test-services.sh remove it when they stop the dashboard).");
        }

        return new DashboardRunStore(path);
    }

    private string? Read(string name) => variables(name) is { Length: > 0 } value ? value.Trim() : null;

    private static EndToEndSetupException NotConfigured(string variable, string what, string ownService) => new(
        $"{variable} is not set: the end-to-end tests need {what}. " +
        "./test.sh starts the brokers and the OTLP backend itself (scripts/test-setup.d) and exports the MESSAGETRACE_* variables; " +
        "to run only this project, use: scripts/with-test-services.sh dotnet test tests/MessageTrace.EndToEnd.Tests. " +
        $"To use a service of your own on this machine: {ownService}.");

    private static Uri ParseUri(string variable, string text, string what, string scheme)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != scheme || uri.Port <= 0)
        {
            throw new EndToEndSetupException(
                $"{variable}='{text}' is not a {scheme}://HOST:PORT address of {what}.");
        }

        if (!IsLoopback(uri.Host))
        {
            throw new EndToEndSetupException(
                $"{variable}='{text}': the end-to-end tests only talk to loopback addresses (127.0.0.1, ::1, localhost), not '{uri.Host}'.");
        }

        return uri;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void RequireListening(Uri uri, string variable, string what)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            client.ConnectAsync(uri.Host.Trim('[', ']'), uri.Port, timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            throw new EndToEndSetupException(
                $"{variable}={uri} names {what}, but nothing accepts TCP connections at {uri.Host}:{uri.Port} ({e.Message}). " +
                "The service may have stopped: ./test.sh and scripts/with-test-services.sh stop what they started when they end.");
        }
    }
}
