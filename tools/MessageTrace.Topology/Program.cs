using System;
using System.Collections.Generic;
using System.IO;
using MessageTrace.Topology;

// messagetrace-topology: see MessageTrace.Topology.csproj and docs/topology.md.
const string Usage = """
    usage:
      messagetrace-topology extract ASSEMBLY OUTPUT.json
          Writes the AsyncAPI document MessageTrace compiled into ASSEMBLY (the build does this for you).
      messagetrace-topology map DOCUMENT|DIRECTORY... [--system NAME] [--mermaid FILE] [--fail-on-gaps]
          Merges services' documents (directories are searched for *.asyncapi.json) into one map, drawn
          here with its gaps; --mermaid also writes it as a Mermaid flowchart (a Markdown file gets a
          fenced block); --fail-on-gaps exits with 3 when there are gaps.
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    switch (args[0])
    {
        case "extract" when args.Length == 3:
            if (!AsyncApiMetadata.Extract(args[1], args[2]))
            {
                Console.WriteLine($"messagetrace-topology: {args[1]} has no MessageTrace AsyncAPI document (no messaging calls, or MessageTraceAsyncApi is false)");
            }

            return 0;
        case "map":
            return Map(args[1..]);
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or BadImageFormatException or InvalidOperationException)
{
    Console.Error.WriteLine($"messagetrace-topology: {exception.Message}");
    return 1;
}

static int Map(string[] args)
{
    var inputs = new List<string>();
    string? system = null;
    string? mermaid = null;
    bool failOnGaps = false;
    for (int i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--system" when i + 1 < args.Length:
                system = args[++i];
                break;
            case "--mermaid" when i + 1 < args.Length:
                mermaid = args[++i];
                break;
            case "--fail-on-gaps":
                failOnGaps = true;
                break;
            default:
                inputs.Add(args[i]);
                break;
        }
    }

    if (inputs.Count == 0)
    {
        Console.Error.WriteLine("messagetrace-topology map: name at least one document or directory");
        return 2;
    }

    var map = TopologyMap.Merge(ServiceDocument.Find(inputs), system);
    TerminalMap.Write(map, Console.Out);
    if (mermaid is not null)
    {
        string chart = MermaidDiagram.Write(map);
        File.WriteAllText(mermaid, mermaid.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "```mermaid\n" + chart + "```\n" : chart);
    }

    return failOnGaps && map.Gaps.Count > 0 ? 3 : 0;
}
