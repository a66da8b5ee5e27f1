using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator.Emit;
using MessageTrace.Generator.Parsing;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;

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
        // Sends: a cheap name prefilter over invocations, then the semantic match and the covering
        // [TracedProducer] scope. Every step yields value models only.
        var sendSites = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => SendSiteParser.IsCandidate(node), static (syntax, token) => SendSiteParser.Parse(syntax, token))
            .Where(static site => site is not null)
            .Select(static (site, _) => site!)
            .WithTrackingName(TrackingNames.SendSites);
        // Sends through user-defined carriers: any method taking a [MessageHeaders] message or parameter.
        var customSendSites = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => HandlerCallParser.IsCandidate(node), static (syntax, token) => CustomSendParser.Parse(syntax, token))
            .Where(static site => site is not null)
            .Select(static (site, _) => site!)
            .WithTrackingName(TrackingNames.CustomSendSites);

        var allSendSites = sendSites.Collect().Combine(customSendSites.Collect()).Select(static (pair, _) => pair.Left.AddRange(pair.Right)).Select(static (sites, _) => Order(sites, static s => s.Location)).WithTrackingName(TrackingNames.AllSendSites);
        context.RegisterSourceOutput(allSendSites, static (output, sites) => EmitSends(output, sites));

        // Handlers: the attribute marks the declaration, so the driver's attribute index finds them.
        var handlers = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.TracedHandlerAttribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax, static (syntax, token) => HandlerParser.Parse(syntax, token))
            .Where(static handler => handler is not null)
            .Select(static (handler, _) => handler!)
            .WithTrackingName(TrackingNames.Handlers);
        var allHandlers = handlers.Collect().Select(static (items, _) => items.OrderBy(static h => h.Key, System.StringComparer.Ordinal).ToEquatableArray());

        // Their invocations: nothing marks a call, so every call with arguments is bound and kept
        // only when its target carries the attribute.
        var handlerCalls = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => HandlerCallParser.IsCandidate(node), static (syntax, token) => HandlerCallParser.Parse(syntax, token))
            .Where(static call => call is not null)
            .Select(static (call, _) => call!)
            .WithTrackingName(TrackingNames.HandlerCalls);
        var allHandlerCalls = handlerCalls.Collect().Select(static (calls, _) => Order(calls, static c => c.Location)).WithTrackingName(TrackingNames.AllHandlerCalls);

        var registrations = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => RegistrationParser.IsCandidate(node), static (syntax, token) => RegistrationParser.Parse(syntax, token))
            .Where(static site => site is not null)
            .Select(static (site, _) => site!)
            .Collect()
            .Select(static (sites, _) => Order(sites, static s => s.Location))
            .WithTrackingName(TrackingNames.Registrations);

        var handling = allHandlers.Combine(allHandlerCalls).Combine(registrations);
        context.RegisterSourceOutput(handling, static (output, input) => EmitHandlers(output, input.Left.Left, input.Left.Right, input.Right));

        // Pull consumers: receive and settle calls inside [TracedConsumer] scopes.
        var consumerSites = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => ConsumerSiteParser.IsCandidate(node), static (syntax, token) => ConsumerSiteParser.Parse(syntax, token))
            .Where(static site => site is not null)
            .Select(static (site, _) => site!)
            .WithTrackingName(TrackingNames.ConsumerSites);
        var allConsumerSites = consumerSites.Collect().Select(static (sites, _) => Order(sites, static s => s.Location)).WithTrackingName(TrackingNames.AllConsumerSites);
        context.RegisterSourceOutput(allConsumerSites, static (output, sites) => EmitConsumers(output, sites));
    }

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
