using System;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.Sample.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MessageTrace.Sample.Tests;

/// <summary>
/// A test that needs a service (broker, OTLP backend) named by environment variables; skipped when one
/// of them is not set. ./test.sh starts the services and sets them (scripts/test-setup.d).
/// </summary>
public sealed class ServiceFactAttribute : FactAttribute
{
    public ServiceFactAttribute(params string[] variables)
    {
        var missing = variables.Where(variable => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable))).ToList();
        if (missing.Count > 0)
        {
            Skip = $"{string.Join(" and ", missing)} not set (./test.sh starts the services and sets them)";
        }
    }
}

/// <summary>
/// The sample on NATS and RabbitMQ. One class, so the two never run at the same time: the sample uses
/// fixed subject and queue names.
/// </summary>
public sealed class ExternalBrokerTests(ITestOutputHelper log)
{
    [ServiceFact("MESSAGETRACE_NATS_URL")]
    public async Task Nats_ShowsTheSameTraces()
    {
        var url = Environment.GetEnvironmentVariable("MESSAGETRACE_NATS_URL")!;
        var run = await SampleProcess.RunAsync(log, "--broker", "nats", "--nats-url", url, "--messages", "5", "--json", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.Describe());
        PipelineAssert.FiveOrders(JsonSpan.ParseAll(run.Stdout), "nats");
    }

    [ServiceFact("MESSAGETRACE_RABBITMQ_URI")]
    public async Task RabbitMq_ShowsTheSameTraces()
    {
        var uri = Environment.GetEnvironmentVariable("MESSAGETRACE_RABBITMQ_URI")!;
        var run = await SampleProcess.RunAsync(log, "--broker", "rabbitmq", "--rabbitmq", uri, "--messages", "5", "--json", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.Describe());
        PipelineAssert.FiveOrders(JsonSpan.ParseAll(run.Stdout), "rabbitmq");
    }
}
