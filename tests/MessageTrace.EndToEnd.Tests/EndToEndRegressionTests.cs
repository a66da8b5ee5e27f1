using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using static MessageTrace.EndToEnd.Tests.Infrastructure.MessagingRuns;

namespace MessageTrace.EndToEnd.Tests;

/// <summary>
/// Behaviour of the generator and runtime that the end-to-end runs showed to be wrong. Each test
/// states what should happen, and its summary the cause as found. All failed at 8d9a79d and pass
/// since the fix that followed; they stay as regression tests.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EndToEndRegressionTests(ITestOutputHelper output)
{
    private readonly OtlpBackend _backend = EndToEndEnvironment.Current.OtlpBackend();
    private readonly string _run = RunId.New();

    /// <summary>
    /// Code that keeps one BasicProperties object for several publishes (common with RabbitMQ) sends
    /// the FIRST send's context on every later message. The first traced send gives the properties a
    /// header dictionary and writes its traceparent there; the second send finds that value, classifies
    /// it CarrierState.WrittenForEarlierSend ("belongs to that send and must be replaced"), and the
    /// generated RabbitMQ send only injects when the state is Empty: the stale context goes out, so the
    /// second message's process span hangs under the first send span, and the second send span has no
    /// consumer.
    /// </summary>
    [Fact]
    public async Task RabbitMq_SecondSendReusingBasicProperties_CarriesItsOwnSendContext()
    {
        var rabbitMq = EndToEndEnvironment.Current.RabbitMq();
        var queue = $"e2e.mt-rabbitmq-reuse.{_run}";
        var messageId = $"message-{_run}";
        var producerService = $"mt-rabbitmq-producer-{_run}";
        var consumerService = $"mt-rabbitmq-consumer-{_run}";

        await RunAsync(
            new AppRun("MessageTraceRabbitMqConsumer", [queue, "2"], _backend.AppVariables(consumerService, rabbitMq.AppVariable)),
            new AppRun("MessageTraceRabbitMqProducer", [queue, messageId, "--reuse-properties"], _backend.AppVariables(producerService, rabbitMq.AppVariable)),
            output);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var sends = await dashboard.WaitForSpansAsync(producerService, MessageTraceSpan($"send {queue}", ActivityKind.Producer), 2, "the two send spans");
        var processes = await dashboard.WaitForSpansAsync(consumerService, MessageTraceSpan($"process {queue}", ActivityKind.Consumer), 2, "the two process spans");
        foreach (var id in new[] { $"{messageId}-1", $"{messageId}-2" })
        {
            var send = Assert.Single(sends, s => s.Attribute("messaging.message.id") == id);
            var process = Assert.Single(processes, s => s.Attribute("messaging.message.id") == id);
            Assert.True(process.IsChildOf(send) && process.LinksTo(send),
                $"{id}: the process span {process} should be a child of, and link to, its own send span {send}; " +
                $"the sends were: {string.Join("; ", sends)}");
        }
    }

    /// <summary>
    /// The same with one NatsHeaders object for several publishes. docs/brokers.md says "A NatsHeaders
    /// already sent is read-only and is not written again", but NATS.Net 3.3.2 leaves it writable after
    /// a publish (only received headers are read-only); the second send finds the first send's
    /// traceparent (CarrierState.WrittenForEarlierSend), does not replace it, and the second message
    /// goes out with the first send's context.
    /// </summary>
    [Fact]
    public async Task Nats_SecondSendReusingNatsHeaders_CarriesItsOwnSendContext()
    {
        var nats = EndToEndEnvironment.Current.Nats();
        var subject = $"e2e.mt-nats-reuse.{_run}";
        var producerService = $"mt-nats-producer-{_run}";
        var consumerService = $"mt-nats-consumer-{_run}";

        await RunAsync(
            new AppRun("MessageTraceNatsConsumer", [subject + ".*", "2"], _backend.AppVariables(consumerService, nats.AppVariable)),
            new AppRun("MessageTraceNatsProducer", [subject, $"message-{_run}", "--reuse-headers"], _backend.AppVariables(producerService, nats.AppVariable)),
            output);

        using var dashboard = new DashboardClient(_backend.DashboardUrl);
        var sends = await dashboard.WaitForSpansAsync(producerService,
            s => s.ScopeName == MessageTraceScope && s.Kind == ActivityKind.Producer, 2, "the two send spans");
        var processes = await dashboard.WaitForSpansAsync(consumerService,
            s => s.ScopeName == MessageTraceScope && s.Kind == ActivityKind.Consumer, 2, "the two process spans");
        foreach (var messageSubject in new[] { $"{subject}.1", $"{subject}.2" })
        {
            var send = Assert.Single(sends, s => s.Name == $"send {messageSubject}");
            var process = Assert.Single(processes, s => s.Name == $"process {messageSubject}");
            Assert.True(process.IsChildOf(send) && process.LinksTo(send),
                $"{messageSubject}: the process span {process} should be a child of, and link to, its own send span {send}; " +
                $"the sends were: {string.Join("; ", sends)}");
        }
    }

}

/// <summary>
/// A known generator bug found while writing the end-to-end apps: it shows at compile time, so the
/// test builds a small user project (no broker needed). Failed until the send helpers were made one
/// per receiver type.
/// </summary>
public sealed class GeneratorCompileRegressionTests(ITestOutputHelper output)
{
    private readonly string _run = RunId.New();

    /// <summary>
    /// docs/brokers.md: NATS sends are PublishAsync on INatsClient, NatsConnection and NatsClient. A
    /// project that publishes through both a NatsClient and a NatsConnection does not compile: the
    /// generator emits one shared helper NatsSendTracing.NatsPublish&lt;T&gt; typed on ONE call site's
    /// receiver, and the interceptors of the other receiver type call it (error CS1503 in
    /// MessageTrace.Nats.Sends.g.cs). Mixing INatsClient with a concrete type fails or compiles
    /// depending on which call site's type the helper gets.
    /// </summary>
    [Fact]
    public async Task Nats_SendsOnNatsClientAndNatsConnection_InOneProject_Compile()
    {
        var root = Path.GetFullPath(Path.Combine(EndToEndApps.Directory, "..", ".."));
        // Under artifacts/ (ignored by git), so the repository's Directory.Build.props and central
        // package versions apply, as to the apps.
        var directory = Path.Combine(root, "artifacts", "known-bugs", "NatsMixedReceivers-" + _run);
        Directory.CreateDirectory(directory);
        try
        {
            var project = Path.Combine(directory, "NatsMixedReceivers.csproj");
            await File.WriteAllTextAsync(project, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Library</OutputType>
                    <TargetFramework>{EndToEndApps.TargetFramework}</TargetFramework>
                    <IsPackable>false</IsPackable>
                    <InterceptorsNamespaces>$(InterceptorsNamespaces);MessageTrace.Generated</InterceptorsNamespaces>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{Path.Combine(root, "runtime", "MessageTrace", "MessageTrace.csproj")}" />
                    <ProjectReference Include="{Path.Combine(root, "generator", "MessageTrace.Generator", "MessageTrace.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <PackageReference Include="NATS.Net" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(directory, "Orders.cs"), """
                using System.Threading.Tasks;
                using MessageTrace;
                using NATS.Client.Core;
                using NATS.Net;

                namespace Shop;

                public sealed class Orders(NatsClient client, NatsConnection connection)
                {
                    [TracedProducer]
                    public async Task PublishAsync(string order)
                    {
                        await client.PublishAsync("orders", order);
                        await connection.PublishAsync("orders.audit", order);
                    }
                }
                """);

            // MessageTrace's runtime and generator are built with this project (the apps reference them).
            await using var build = AppProcess.Start("dotnet build NatsMixedReceivers", DotnetHost.Path,
                ["build", project, "-c", EndToEndApps.Configuration, "-nologo", "-v", "quiet", "-nodeReuse:false", "-p:BuildProjectReferences=false"],
                log: output, timeout: TimeSpan.FromMinutes(3));
            var result = await build.WaitForExitAsync();

            var generated = Directory.Exists(Path.Combine(directory, "obj"))
                ? Directory.GetFiles(Path.Combine(directory, "obj"), "MessageTrace.Nats.Sends.g.cs", SearchOption.AllDirectories).FirstOrDefault()
                : null;
            var helper = generated is null
                ? "(no generated file)"
                : string.Join(Environment.NewLine, File.ReadAllLines(generated).Where(line => line.Contains("public static global::System.Threading.Tasks.ValueTask", StringComparison.Ordinal)));
            Assert.True(result.ExitCode == 0,
                "a project publishing through NatsClient and NatsConnection does not compile:" + Environment.NewLine
                + string.Join(Environment.NewLine, result.Output.Where(line => line.Contains("error", StringComparison.Ordinal)).Distinct().Take(10))
                + Environment.NewLine + "generated send methods:" + Environment.NewLine + helper);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
