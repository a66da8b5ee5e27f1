using System;
using System.Threading.Tasks;
using NATS.Client.Core;
using NATS.Net;
using Xunit;

namespace MessageTrace.Nats.Tests.Infrastructure;

/// <summary>
/// The NATS server test.sh starts (scripts/test-setup.d/20-brokers.sh, JetStream enabled), named by
/// MESSAGETRACE_NATS_URL, and one connection to it shared by the tests of the collection.
/// </summary>
public sealed class NatsServer : IAsyncLifetime
{
    public const string UrlVariable = "MESSAGETRACE_NATS_URL";

    private NatsClient? _client;

    public NatsClient Client => _client ?? throw new InvalidOperationException("the fixture is not initialised");

    public async Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new InvalidOperationException(
                $"{UrlVariable} is not set: run ./test.sh, which starts a NATS server with JetStream, or export {UrlVariable}=nats://127.0.0.1:PORT of a server started with -js");
        }

        _client = new NatsClient(new NatsOpts { Url = url, Name = "MessageTrace.Nats.Tests" });
        await _client.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }
}

/// <summary>Tests that share the server and capture the process-wide MessageTrace source run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class NatsCollection : ICollectionFixture<NatsServer>
{
    public const string Name = "NATS server";
}
