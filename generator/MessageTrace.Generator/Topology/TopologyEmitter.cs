using System.Linq;
using MessageTrace.Generator.Emit;
using MessageTrace.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Topology;

/// <summary>
/// The AsyncAPI document compiled into the assembly as a private constant,
/// <c>MessageTrace.Generated.MessageTraceAsyncApi.Document</c>. A generator cannot write files; MessageTrace's
/// build step (buildTransitive/MessageTrace.targets) reads the constant from the built assembly's metadata
/// and writes <c>&lt;AssemblyName&gt;.asyncapi.json</c> beside it. A private constant is left out of the
/// reference assembly, so moving a send to another line does not make dependent projects recompile.
/// </summary>
internal static class TopologyEmitter
{
    public const string HintName = "MessageTrace.AsyncApi.g.cs";

    /// <summary>The operation of a traced handler declaration, or null when it cannot be traced (or described).</summary>
    public static TopologyOperation? Handler(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken) =>
        context.TargetSymbol is IMethodSymbol method && HandlerParser.Parse(context, cancellationToken)?.Model is { } model
            ? TopologyFacts.Handler(model, method, context.TargetNode)
            : null;

    public static void Emit(SourceProductionContext output, AssemblyTitle assembly, EquatableArray<TopologyOperation> calls, EquatableArray<TopologyOperation> handlers, EquatableArray<TopologyCall> handlerCalls, TopologySettings settings)
    {
        if (!settings.Enabled || calls.Count + handlers.Count == 0)
        {
            return;
        }

        string json;
        try
        {
            var leadsTo = handlerCalls.ToLookup(static c => c.Handler, static c => c.Producer, System.StringComparer.Ordinal);
            var operations = calls
                .Concat(handlers.Select(h => h with { Calls = leadsTo[h.Method].Distinct().OrderBy(static p => p, System.StringComparer.Ordinal).ToEquatableArray() }))
                .Select(o => o with { File = settings.RelativePath(o.File) });
            json = AsyncApiDocument.Write(assembly.Name, assembly.Version, operations);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return;
        }

        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        writer.Open("namespace " + Recognition.KnownNames.GeneratedNamespace);
        writer.Line("// This project's messaging topology, an AsyncAPI 3.0 document built from the calls MessageTrace traces");
        writer.Line("// (and the sends it reports untraced). The build writes it next to the output as " + assembly.Name + ".asyncapi.json;");
        writer.Line("// <MessageTraceAsyncApi>false</MessageTraceAsyncApi> in the project file turns both off.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("internal static class " + AsyncApiDocument.TypeName);
        writer.Line("private const string " + AsyncApiDocument.FieldName + " = @\"" + json.Replace("\"", "\"\"") + "\";");
        writer.Close();
        writer.Close();
        output.AddSource(HintName, writer.ToString());
    }
}

/// <summary>The assembly's name and version, the document's title and version.</summary>
internal sealed record AssemblyTitle(string Name, string Version);
