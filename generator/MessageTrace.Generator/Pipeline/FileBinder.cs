using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using MessageTrace.Generator.Parsing;
using MessageTrace.Generator.Recognition;
using MessageTrace.Generator.Topology;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Pipeline;

/// <summary>
/// The one pass over a file's calls: each call the prefilter lets through is bound once and handed, with
/// its method, to every parser it is a candidate for. Only traced verdicts are kept; the reasons for the
/// others are the analyzers' to report, from the same parsers. A handler call written in the same method
/// as a traced receive is marked, so the delivery the receive counted is not counted again.
/// </summary>
internal static class FileBinder
{
    public static FileCalls Bind(SourceFile file, CallCandidates candidates, TopologySettings topologySettings, CancellationToken cancellationToken)
    {
        if (file.Compilation is not { } compilation)
        {
            return FileCalls.None;
        }

        var root = file.Tree.GetRoot(cancellationToken);
        bool everyCallInScope = TracedScopes.TracesAllProducers(compilation);
        SemanticModel? model = null;
        var sends = ImmutableArray.CreateBuilder<SendSite>();
        var handlerCalls = ImmutableArray.CreateBuilder<HandlerCall>();
        var registrations = ImmutableArray.CreateBuilder<RegistrationSite>();
        var consumerSites = ImmutableArray.CreateBuilder<ConsumerSite>();
        var handlerCallMembers = new List<SyntaxNode>();
        var receiveMembers = new HashSet<SyntaxNode>();
        var topology = ImmutableArray.CreateBuilder<TopologyOperation>();
        var topologyCalls = ImmutableArray.CreateBuilder<TopologyCall>();
        foreach (var node in root.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            var kinds = candidates.Of(invocation, everyCallInScope);
            if (kinds == CandidateKinds.None)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            model ??= compilation.GetSemanticModel(file.Tree);
            if (CallBinding.Method(model, invocation, cancellationToken) is not { } method)
            {
                continue;
            }

            CallVerdict<SendSite>? sendVerdict = null;
            if ((kinds & CandidateKinds.Send) != 0 && (sendVerdict = SendSiteParser.Classify(model, invocation, method, cancellationToken))?.Traced is { } send)
            {
                sends.Add(send);
            }

            var customSend = (kinds & CandidateKinds.CustomSend) != 0 ? CustomSendParser.Classify(model, invocation, method, cancellationToken)?.Traced : null;
            if (customSend is not null)
            {
                sends.Add(customSend);
            }

            if ((kinds & CandidateKinds.HandlerCall) != 0 && HandlerCallParser.Classify(model, invocation, method, cancellationToken)?.Traced is { } handlerCall)
            {
                handlerCalls.Add(handlerCall);
                handlerCallMembers.Add(EnclosingMember(invocation));
            }

            if ((kinds & CandidateKinds.Registration) != 0 && RegistrationParser.Classify(model, invocation, method, cancellationToken)?.Traced is { } registration)
            {
                registrations.Add(registration);
            }

            var consumerSite = (kinds & CandidateKinds.Consumer) != 0 ? ConsumerSiteParser.Classify(model, invocation, method, cancellationToken)?.Traced : null;
            if (consumerSite is not null)
            {
                consumerSites.Add(consumerSite);
                if (consumerSite.Operation == ConsumerOperation.Receive)
                {
                    receiveMembers.Add(EnclosingMember(invocation));
                }
            }

            if (topologySettings.Enabled)
            {
                var verdicts = new CallVerdicts(sendVerdict, customSend, consumerSite, (kinds & CandidateKinds.ProducerCall) != 0);
                TopologyFacts.Record(topology, topologyCalls, model, invocation, method, verdicts, cancellationToken);
            }
        }

        for (int i = 0; i < handlerCalls.Count; i++)
        {
            if (receiveMembers.Contains(handlerCallMembers[i]))
            {
                handlerCalls[i] = handlerCalls[i] with { AfterTracedReceive = true };
            }
        }

        return new FileCalls(new(sends.ToImmutable()), new(handlerCalls.ToImmutable()), new(registrations.ToImmutable()), new(consumerSites.ToImmutable()), new(topology.ToImmutable()), new(topologyCalls.ToImmutable()));
    }

    /// <summary>
    /// The method (or local function, accessor, or the top-level statements) a call is written in; lambdas
    /// inside it count as the same method, as a receive loop often hands messages to one.
    /// </summary>
    private static SyntaxNode EnclosingMember(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case GlobalStatementSyntax:
                    return current.Parent ?? current;
                case LocalFunctionStatementSyntax:
                case MemberDeclarationSyntax:
                    return current;
            }
        }

        return node.SyntaxTree.GetRoot();
    }
}
