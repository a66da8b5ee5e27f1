using System.IO;
using MessageTrace.Topology;

namespace OrderPipeline.Output;

/// <summary>
/// <c>--topology</c>: the sample's own messaging map. MessageTrace's generator compiled the AsyncAPI document
/// of this project into the assembly at build time (the build also wrote it next to the output as
/// OrderPipeline.asyncapi.json); this reads it back from the assembly file, as the build step does, and
/// draws the chosen broker's part of it.
/// </summary>
public static class PipelineTopology
{
    public static int Print(BrokerKind broker, TextWriter output)
    {
        string? document = AsyncApiMetadata.Read(typeof(PipelineTopology).Assembly.Location);
        if (document is null)
        {
            output.WriteLine("OrderPipeline: this build has no AsyncAPI document (MessageTraceAsyncApi is false).");
            return 1;
        }

        var map = TopologyMap.Merge([ServiceDocument.Parse(document, "OrderPipeline")], System(broker));
        TerminalMap.Write(map, output);
        output.WriteLine();
        output.WriteLine("```mermaid");
        output.Write(MermaidDiagram.Write(map));
        output.WriteLine("```");
        return 0;
    }

    private static string System(BrokerKind broker) => broker switch
    {
        BrokerKind.Nats => "nats",
        BrokerKind.RabbitMq => "rabbitmq",
        BrokerKind.Kafka => "kafka",
        _ => "mqtt",
    };
}
