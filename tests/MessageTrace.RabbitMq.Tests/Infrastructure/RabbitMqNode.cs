using System;
using System.Threading.Tasks;
using RabbitMQ.Client;
using Xunit;

namespace MessageTrace.RabbitMq.Tests.Infrastructure;

/// <summary>
/// The RabbitMQ node test.sh starts (scripts/test-setup.d/20-brokers.sh), named by MESSAGETRACE_RABBITMQ_URI,
/// and one connection to it shared by the tests of the collection.
/// </summary>
public sealed class RabbitMqNode : IAsyncLifetime
{
    public const string UriVariable = "MESSAGETRACE_RABBITMQ_URI";

    private IConnection? _connection;

    public IConnection Connection => _connection ?? throw new InvalidOperationException("the fixture is not initialised");

    public async Task InitializeAsync()
    {
        var uri = Environment.GetEnvironmentVariable(UriVariable);
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new InvalidOperationException(
                $"{UriVariable} is not set: run ./test.sh, which starts a RabbitMQ node, or export {UriVariable}=amqp://guest:guest@127.0.0.1:PORT/");
        }

        _connection = await new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "MessageTrace.RabbitMq.Tests" }.CreateConnectionAsync();
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}

/// <summary>Tests that share the node and capture the process-wide MessageTrace source run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqNode>
{
    public const string Name = "RabbitMQ node";
}
