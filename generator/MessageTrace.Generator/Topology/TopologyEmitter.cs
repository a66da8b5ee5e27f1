using System.Linq;
using MessageTrace.Generator.Emit;
using MessageTrace.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Topology;

/// <summary>
/// The AsyncAPI document compiled into the assembly as <c>[assembly: AssemblyMetadata("MessageTrace.AsyncApi", json)]</c>.
/// A generator cannot write files; MessageTrace's build step (buildTransitive/MessageTrace.targets) reads
/// the metadata from the built assembly and writes <c>&lt;AssemblyName&gt;.asyncapi.json</c> beside it, and a
/// running service can serve its own document from the same place.
/// </summary>
internal static class TopologyEmitter
{
    public const string HintName = "MessageTrace.AsyncApi.g.cs";

    /// <summary>The operation of a traced handler declaration, or null when it cannot be traced.</summary>
    public static TopologyOperation? Handler(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken) =>
        context.TargetSymbol is IMethodSymbol method && HandlerParser.Parse(context, cancellationToken)?.Model is { } model
            ? TopologyFacts.Handler(model, method, context.TargetNode, context.SemanticModel, cancellationToken)
            : null;

    public static void Emit(SourceProductionContext output, AssemblyTitle assembly, EquatableArray<TopologyOperation> calls, EquatableArray<TopologyOperation> handlers, TopologySettings settings)
    {
        if (!settings.Enabled)
        {
            return;
        }

        var operations = calls.Concat(handlers).Select(o => o with { File = settings.RelativePath(o.File) });
        string json = AsyncApiDocument.Write(assembly.Name, assembly.Version, operations);
        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        writer.Line("// This project's messaging topology, an AsyncAPI 3.0 document built from the calls MessageTrace traces");
        writer.Line("// (and the sends it reports untraced). The build writes it next to the output as " + assembly.Name + ".asyncapi.json;");
        writer.Line("// <MessageTraceAsyncApi>false</MessageTraceAsyncApi> in the project file turns both off.");
        writer.Line("[assembly: global::System.Reflection.AssemblyMetadata(\"" + AsyncApiDocument.MetadataKey + "\", @\"" + json.Replace("\"", "\"\"") + "\")]");
        output.AddSource(HintName, writer.ToString());
    }
}

/// <summary>The assembly's name and version, the document's title and version.</summary>
internal sealed record AssemblyTitle(string Name, string Version);
