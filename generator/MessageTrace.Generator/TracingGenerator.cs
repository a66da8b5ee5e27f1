using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator.Emit;
using MessageTrace.Generator.Pipeline;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using MessageTrace.Generator.Topology;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator;

/// <summary>
/// Emits C# interceptors that trace every broker send inside a traced producer, every invocation of a
/// traced handler (direct calls and listener registrations) and every receive inside a traced
/// consumer, following the OpenTelemetry messaging conventions.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TracingGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // One pass over each file's calls, and only where an edit could matter (docs/architecture.md).
        //
        // The files, each compared by identity: an unchanged file stays Cached from run to run.
        var files = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .WithTrackingName(TrackingNames.Files);

        // What every file declares, hashed from syntax, recomputed for edited files only. With the
        // references and options it is the compilation's shape: while it stays the same, every
        // unchanged file's calls bind as before.
        var declarationShapes = files
            .Select(static (tree, token) => DeclarationShape.Of(tree, token))
            .WithTrackingName(TrackingNames.DeclarationShapes);
        var compilationShape = declarationShapes.Collect()
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => new CompilationShape(pair.Left.ToEquatableArray(), pair.Right))
            .WithTrackingName(TrackingNames.CompilationShape);

        // Each file with the current compilation, equal to last run's while the file and the shape are.
        var sourceFiles = files
            .Combine(compilationShape)
            .Combine(context.CompilationProvider)
            .Select(static (input, _) => new SourceFile(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.SourceFiles);

        // The prefilter's facts: the broker method names (static, from the profiles) and the names of
        // traced handlers and producer scopes, which the driver's attribute index finds.
        // (A handler declared in a referenced assembly is not intercepted, MT0002 says why, so only
        // this project's handlers are candidates.)
        var handlerNames = Names(context, KnownNames.TracedHandlerAttribute, static node => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax)
            .WithTrackingName(TrackingNames.HandlerNames);
        var producerScopeNames = Names(context, KnownNames.TracedProducerAttribute, static _ => true)
            .WithTrackingName(TrackingNames.ProducerScopeNames);
        var candidates = handlerNames
            .Combine(producerScopeNames)
            .Select(static (names, _) => new CallCandidates(names.Left, names.Right))
            .WithTrackingName(TrackingNames.CallCandidates);

        // Whether the project asked for its AsyncAPI document (MessageTraceAsyncApi), and where it lives.
        var topologySettings = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => TopologySettings.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.TopologySettings);

        // The bind step: runs for the edited files only, or for all when a declaration changed.
        var fileCalls = sourceFiles
            .Combine(candidates)
            .Combine(topologySettings)
            .Select(static (input, token) => FileBinder.Bind(input.Left.Left, input.Left.Right, input.Right, token))
            .WithTrackingName(TrackingNames.FileCalls);
        var allFileCalls = fileCalls.Collect();

        var allSendSites = allFileCalls
            .Select(static (all, _) => Order(all.SelectMany(static f => f.Sends), static s => s.Location))
            .WithTrackingName(TrackingNames.AllSendSites);
        context.RegisterSourceOutput(allSendSites, static (output, sites) => EmitSends(output, sites));

        var allHandlerCalls = allFileCalls
            .Select(static (all, _) => Order(all.SelectMany(static f => f.HandlerCalls), static c => c.Location))
            .WithTrackingName(TrackingNames.AllHandlerCalls);
        var registrations = allFileCalls
            .Select(static (all, _) => Order(all.SelectMany(static f => f.Registrations), static s => s.Location))
            .WithTrackingName(TrackingNames.Registrations);
        context.RegisterSourceOutput(allHandlerCalls.Combine(registrations), static (output, input) => EmitHandlers(output, input.Left, input.Right));

        var allConsumerSites = allFileCalls
            .Select(static (all, _) => Order(all.SelectMany(static f => f.ConsumerSites), static s => s.Location))
            .WithTrackingName(TrackingNames.AllConsumerSites);
        context.RegisterSourceOutput(allConsumerSites, static (output, sites) => EmitConsumers(output, sites));

        // The topology: the binder's sends and receives, and each traced handler where it is declared.
        var handlerTopology = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.TracedHandlerAttribute, static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax, static (syntax, token) => TopologyEmitter.Handler(syntax, token))
            .Where(static operation => operation is not null)
            .Select(static (operation, _) => operation!)
            .Collect()
            .Select(static (operations, _) => operations.ToEquatableArray())
            .WithTrackingName(TrackingNames.HandlerTopology);
        var topology = allFileCalls
            .Select(static (all, _) => (Operations: all.SelectMany(static f => f.Topology).ToEquatableArray(), Calls: all.SelectMany(static f => f.TopologyCalls).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Topology);
        var assembly = context.CompilationProvider
            .Select(static (compilation, _) => new AssemblyTitle(compilation.AssemblyName ?? "MessageTrace", compilation.Assembly.Identity.Version.ToString()));
        context.RegisterSourceOutput(
            assembly.Combine(topology).Combine(handlerTopology).Combine(topologySettings),
            static (output, input) => TopologyEmitter.Emit(output, input.Left.Left.Left, input.Left.Left.Right.Operations, input.Left.Right, input.Left.Left.Right.Calls, input.Right));
    }

    /// <summary>The names of the declarations carrying an attribute, ordinal and distinct.</summary>
    private static IncrementalValueProvider<EquatableArray<string>> Names(
        IncrementalGeneratorInitializationContext context,
        string attribute,
        System.Func<SyntaxNode, bool> isTarget) => context.SyntaxProvider
        .ForAttributeWithMetadataName(attribute, (node, _) => isTarget(node), static (syntax, _) => DeclarationNames.Of(syntax.TargetNode) ?? string.Empty)
        .Collect()
        .Select(static (names, _) => names.Distinct().OrderBy(static n => n, System.StringComparer.Ordinal).ToEquatableArray());

    private static EquatableArray<T> Order<T>(IEnumerable<T> items, System.Func<T, InterceptLocation> location)
        where T : System.IEquatable<T> => items
        .OrderBy(item => location(item).Display, System.StringComparer.Ordinal)
        .ThenBy(item => location(item).Data, System.StringComparer.Ordinal)
        .ToEquatableArray();

    private static void EmitSends(SourceProductionContext output, EquatableArray<SendSite> sites)
    {
        foreach (var group in sites.GroupBy(static s => s.ProfileId).OrderBy(static g => g.Key, System.StringComparer.Ordinal))
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            if (SendEmitter.Emit(group.Key, group.ToList()) is { } source)
            {
                output.AddSource("MessageTrace." + group.Key + ".Sends.g.cs", source);
            }
        }
    }

    private static void EmitHandlers(SourceProductionContext output, EquatableArray<HandlerCall> calls, EquatableArray<RegistrationSite> registrations)
    {
        foreach (var profile in BrokerCatalog.Profiles.Add(BrokerCatalog.Custom))
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            if (HandlerEmitter.Emit(profile, calls.ToList(), registrations.ToList()) is { } source)
            {
                output.AddSource("MessageTrace." + profile.Id + ".Handlers.g.cs", source);
            }
        }
    }

    private static void EmitConsumers(SourceProductionContext output, EquatableArray<ConsumerSite> sites)
    {
        foreach (var profile in BrokerCatalog.Profiles)
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            var profileSites = sites.Where(s => profile.Receives.Any(r => r.Id == s.OperationId) || profile.Settles.Any(x => x.Id == s.OperationId)).ToList();
            if (ConsumerEmitter.Emit(profile, profileSites) is { } source)
            {
                output.AddSource("MessageTrace." + profile.Id + ".Consumers.g.cs", source);
            }
        }
    }
}
