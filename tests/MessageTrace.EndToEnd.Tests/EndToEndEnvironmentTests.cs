using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MessageTrace.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.EndToEnd.Tests;

/// <summary>What a developer sees when a service is not configured: a failure naming the piece.</summary>
public sealed class EndToEndEnvironmentTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public EndToEndEnvironmentTests() => _listener.Start();

    private int ListeningPort => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose() => _listener.Stop();

    [Fact]
    public void MissingNatsUrl_FailsNamingTheVariableAndHowToProvideIt()
    {
        var error = Assert.Throws<EndToEndSetupException>(() => Environment().Nats());

        Assert.StartsWith("MESSAGETRACE_NATS_URL is not set: the end-to-end tests need a NATS server.", error.Message);
        Assert.Contains("./test.sh", error.Message);
        Assert.Contains("scripts/with-test-services.sh dotnet test tests/MessageTrace.EndToEnd.Tests", error.Message);
    }

    [Fact]
    public void MissingRabbitMq_FailsNamingBothWaysToConfigureIt()
    {
        var error = Assert.Throws<EndToEndSetupException>(() => Environment().RabbitMq());

        Assert.StartsWith("MESSAGETRACE_RABBITMQ_URI (or MESSAGETRACE_RABBITMQ_PORT) is not set", error.Message);
    }

    [Fact]
    public void MissingDashboardUrl_FailsNamingIt_EvenWhenTheOtlpEndpointIsSet()
    {
        var error = Assert.Throws<EndToEndSetupException>(() =>
            Environment(("MESSAGETRACE_OTLP_ENDPOINT", $"http://127.0.0.1:{ListeningPort}")).OtlpBackend());

        Assert.StartsWith("MESSAGETRACE_DASHBOARD_URL is not set", error.Message);
    }

    [Fact]
    public void MissingDashboardRunStore_FailsNamingTheVariableAndHowToGetIt()
    {
        var error = Assert.Throws<EndToEndSetupException>(() => Environment().DashboardRunStore());

        Assert.StartsWith("MESSAGETRACE_DASHBOARD_DB is not set", error.Message);
        Assert.Contains("ASPIRE_DASHBOARD_PERSISTENCE_MODE=Run", error.Message);
    }

    [Fact]
    public void DashboardRunStoreThatIsGone_FailsNamingThePath()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"messagetrace-no-such-run-{Guid.NewGuid():N}", "dashboard.db");

        var error = Assert.Throws<EndToEndSetupException>(() => Environment(("MESSAGETRACE_DASHBOARD_DB", path)).DashboardRunStore());

        Assert.StartsWith($"MESSAGETRACE_DASHBOARD_DB='{path}' names no file", error.Message);
    }

    [Fact]
    public void RabbitMqPortAlone_MeansGuestOnLoopback()
    {
        var rabbitMq = Environment(("MESSAGETRACE_RABBITMQ_PORT", Port())).RabbitMq();

        Assert.Equal(new Uri($"amqp://guest:guest@127.0.0.1:{Port()}/"), rabbitMq.Uri);
        Assert.Equal(new("MESSAGETRACE_RABBITMQ_URI", $"amqp://guest:guest@127.0.0.1:{Port()}/"), rabbitMq.AppVariable);
    }

    [Fact]
    public void ConfiguredBackend_GivesTheAppsTheirOpenTelemetryVariables()
    {
        var backend = Environment(
            ("MESSAGETRACE_OTLP_ENDPOINT", $"http://127.0.0.1:{Port()}"),
            ("MESSAGETRACE_DASHBOARD_URL", $"http://localhost:{Port()}/")).OtlpBackend();

        var variables = backend.AppVariables("svc", new KeyValuePair<string, string>("EXTRA", "1"));

        Assert.Equal($"http://127.0.0.1:{Port()}", variables["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", variables["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("svc", variables["OTEL_SERVICE_NAME"]);
        Assert.Equal("1", variables["EXTRA"]);
    }

    [Fact]
    public void NothingListening_FailsSayingSo()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var error = Assert.Throws<EndToEndSetupException>(() =>
            Environment(("MESSAGETRACE_NATS_URL", $"nats://127.0.0.1:{closedPort}")).Nats());

        Assert.Contains("nothing accepts TCP connections at 127.0.0.1:" + closedPort.ToString(CultureInfo.InvariantCulture), error.Message);
    }

    [Theory]
    [InlineData("nats://10.0.0.5:4222", "only talk to loopback")]
    [InlineData("http://127.0.0.1:4222", "is not a nats://HOST:PORT address")]
    [InlineData("not a url", "is not a nats://HOST:PORT address")]
    public void BadNatsUrl_FailsSayingWhy(string value, string reason)
    {
        var error = Assert.Throws<EndToEndSetupException>(() => Environment(("MESSAGETRACE_NATS_URL", value)).Nats());

        Assert.Contains(reason, error.Message);
    }

    private string Port() => ListeningPort.ToString(CultureInfo.InvariantCulture);

    private static EndToEndEnvironment Environment(params (string Name, string Value)[] variables)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            map[name] = value;
        }

        return new EndToEndEnvironment(name => map.GetValueOrDefault(name));
    }
}
