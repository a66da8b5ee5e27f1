using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator.Emit;
using MessageTrace.Generator.Parsing;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
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
        // Every parser classifies each call it recognises: traced (the model the emitter needs) or not
        // traced and why, which the analyzers report. Only traced calls go on. Every step yields value
        // models only.
        //
        // Sends: a cheap name prefilter over invocations, then the semantic match and the covering
        // [TracedProducer] scope.
        var sendSites = Traced(Verdicts(context, SendSiteParser.IsCandidate, SendSiteParser.Classify))
            .WithTrackingName(TrackingNames.SendSites);
        // Sends through user-defined carriers: any method taking a [MessageHeaders] message or parameter.
        var customSendSites = Traced(Verdicts(context, HandlerCallParser.IsCandidate, CustomSendParser.Classify))
            .WithTrackingName(TrackingNames.CustomSendSites);

        var allSendSites = sendSites.Collect().Combine(customSendSites.Collect()).Select(static (pair, _) => pair.Left.AddRange(pair.Right)).Select(static (sites, _) => Order(sites, static s => s.Location)).WithTrackingName(TrackingNames.AllSendSites);
        context.RegisterSourceOutput(allSendSites, static (output, sites) => EmitSends(output, sites));

        // Handlers: the attribute marks the declaration, so the driver's attribute index finds them.
        var handlers = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.TracedHandlerAttribute, static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax, static (syntax, token) => HandlerParser.Parse(syntax, token))
            .Where(static verdict => verdict?.Model is not null)
            .Select(static (verdict, _) => verdict!.Model!)
            .WithTrackingName(TrackingNames.Handlers);
        var allHandlers = handlers.Collect().Select(static (items, _) => items.OrderBy(static h => h.Key, System.StringComparer.Ordinal).ToEquatableArray());

        // Their invocations: nothing marks a call, so every call with arguments is bound and kept
        // only when its target carries the attribute.
        var handlerCalls = Traced(Verdicts(context, HandlerCallParser.IsCandidate, HandlerCallParser.Classify))
            .WithTrackingName(TrackingNames.HandlerCalls);
        var allHandlerCalls = handlerCalls.Collect().Select(static (calls, _) => Order(calls, static c => c.Location)).WithTrackingName(TrackingNames.AllHandlerCalls);

        var registrations = Traced(Verdicts(context, RegistrationParser.IsCandidate, RegistrationParser.Classify))
            .Collect()
            .Select(static (sites, _) => Order(sites, static s => s.Location))
            .WithTrackingName(TrackingNames.Registrations);

        var handling = allHandlers.Combine(allHandlerCalls).Combine(registrations);
        context.RegisterSourceOutput(handling, static (output, input) => EmitHandlers(output, input.Left.Left, input.Left.Right, input.Right));

        // Pull consumers: receive and settle calls inside [TracedConsumer] scopes.
        var consumerSites = Traced(Verdicts(context, ConsumerSiteParser.IsCandidate, ConsumerSiteParser.Classify))
            .WithTrackingName(TrackingNames.ConsumerSites);
        var allConsumerSites = consumerSites.Collect().Select(static (sites, _) => Order(sites, static s => s.Location)).WithTrackingName(TrackingNames.AllConsumerSites);
        context.RegisterSourceOutput(allConsumerSites, static (output, sites) => EmitConsumers(output, sites));
    }

    /// <summary>Every call the parser's syntactic prefilter lets through, classified.</summary>
    private static IncrementalValuesProvider<CallVerdict<T>?> Verdicts<T>(
        IncrementalGeneratorInitializationContext context,
        System.Func<SyntaxNode, bool> isCandidate,
        System.Func<SemanticModel, InvocationExpressionSyntax, System.Threading.CancellationToken, CallVerdict<T>?> classify)
        where T : class => context.SyntaxProvider
        .CreateSyntaxProvider((node, _) => isCandidate(node), (syntax, token) => classify(syntax.SemanticModel, (InvocationExpressionSyntax)syntax.Node, token));

    /// <summary>The traced calls among the verdicts; the others are the analyzers' to report.</summary>
    private static IncrementalValuesProvider<T> Traced<T>(IncrementalValuesProvider<CallVerdict<T>?> verdicts)
        where T : class => verdicts
        .Where(static verdict => verdict?.Traced is not null)
        .Select(static (verdict, _) => verdict!.Traced!);

    private static EquatableArray<T> Order<T>(ImmutableArray<T> items, System.Func<T, InterceptLocation> location)
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

    private static void EmitHandlers(SourceProductionContext output, EquatableArray<HandlerModel> handlers, EquatableArray<HandlerCall> calls, EquatableArray<RegistrationSite> registrations)
    {
        foreach (var profile in BrokerCatalog.Profiles.Add(BrokerCatalog.Custom))
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            if (HandlerEmitter.Emit(profile, handlers.ToList(), calls.ToList(), registrations.ToList()) is { } source)
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
