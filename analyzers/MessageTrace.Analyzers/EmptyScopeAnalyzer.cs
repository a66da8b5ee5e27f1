using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MessageTrace.Generator;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0005 and MT0006: a [TracedProducer] (or [TracedConsumer]) scope that contains no send (or
/// receive) the catalogue knows, so it traces nothing. Per type: the type's scopes are collected at
/// its start, every recognised call marks all the scopes around it, and unmarked scopes are reported
/// at the type's end, which comes after the ends of its nested types.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyScopeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ProducerWithoutSend, Descriptors.ConsumerWithoutReceive);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (!MessageTraceRuntime.IsReferenced(start.Compilation))
            {
                return;
            }

            var marks = new Marks();
            start.RegisterSymbolStartAction(symbolStart => StartType(symbolStart, marks), SymbolKind.NamedType);
        });
    }

    private static void StartType(SymbolStartAnalysisContext context, Marks marks)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var scopes = new ConcurrentQueue<Scope>();
        AddScopes(scopes, type, type, context.CancellationToken);
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method)
            {
                AddScopes(scopes, method, method, context.CancellationToken);
            }
        }

        context.RegisterSyntaxNodeAction(
            function =>
            {
                if (ScopeDeclarations.Declared(function.SemanticModel, function.Node, function.CancellationToken) is { } symbol)
                {
                    AddScopes(scopes, symbol, ScopeKeys.For(symbol, function.Node), function.CancellationToken);
                }
            },
            SyntaxKind.LocalFunctionStatement,
            SyntaxKind.ParenthesizedLambdaExpression);
        context.RegisterOperationAction(operation => Mark((IInvocationOperation)operation.Operation, marks, operation.CancellationToken), OperationKind.Invocation);
        context.RegisterSymbolEndAction(end =>
        {
            foreach (var scope in scopes)
            {
                bool found = marks.ClientCalls.TryGetValue(scope.Key, out var call);
                if (scope.IsProducer && !marks.Sends.ContainsKey(scope.Key))
                {
                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.ProducerWithoutSend,
                        scope.Location,
                        scope.Display,
                        found ? " (its call of '" + call.Display + "' is not a send MessageTrace traces)" : string.Empty,
                        found
                            ? "docs/brokers.md lists the sends MessageTrace traces; trace that call by hand, or remove the attribute"
                            : "put it on the method that calls the broker client's send method, or remove it"));
                }
                else if (!scope.IsProducer && !marks.Receives.ContainsKey(scope.Key))
                {
                    var notes = new System.Collections.Generic.List<string>(2);
                    if (marks.UntracedSettles.ContainsKey(scope.Key))
                    {
                        notes.Add("its acknowledgements are traced only with TraceSettle = true");
                    }

                    if (found)
                    {
                        notes.Add("its call of '" + call.Display + "' is not a receive MessageTrace traces");
                    }

                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.ConsumerWithoutReceive,
                        scope.Location,
                        scope.Display,
                        notes.Count == 0 ? string.Empty : " (" + string.Join("; ", notes) + ")",
                        found
                            ? "pass each message it returns to a [TracedHandler] method, which gives it a process span, or remove the attribute"
                            : "put it on the method that calls the broker client's receive method, or remove it"));
                }
            }
        });
    }

    private static void AddScopes(ConcurrentQueue<Scope> scopes, ISymbol symbol, object key, CancellationToken cancellationToken)
    {
        if (symbol.GetAttributes().IsEmpty
            || symbol is IMethodSymbol { IsAbstract: true } or IMethodSymbol { IsExtern: true } or IMethodSymbol { IsPartialDefinition: true, PartialImplementationPart: null })
        {
            return; // Nothing to check, or MT0003 says why nothing can be traced there.
        }

        foreach (var (name, isProducer) in new[] { (KnownNames.TracedProducerAttribute, true), (KnownNames.TracedConsumerAttribute, false) })
        {
            if (TracedScopes.FindAttribute(symbol, name) is { } attribute
                && AttributeSyntaxes.Location(attribute, cancellationToken) is { } location)
            {
                string display = symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } ? "lambda expression" : symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                scopes.Enqueue(new Scope(key, isProducer, location, display));
            }
        }
    }

    private static void Mark(IInvocationOperation invocation, Marks marks, CancellationToken cancellationToken)
    {
        if (invocation.SemanticModel is not { } model
            || (CallSites.Send(invocation, cancellationToken) ?? CallSites.CustomSend(invocation, cancellationToken) ?? CallSites.Consumer(invocation, cancellationToken)) is not { } site
            || site.Skipped?.Reason is SkipReason.UnknownOperation or SkipReason.UnsupportedOperation)
        {
            // Not a call a profile traces (an operation it does not know, or knows and does not trace, is
            // reported by MT0007). A client call named like one is what an empty scope most likely meant.
            MarkClientCall(invocation, marks, cancellationToken);
            return;
        }

        bool send = site.Kind == CallKind.Send;
        bool traced = site.Kind == CallKind.Receive || site.Skipped is null;
        foreach (var (declaration, symbol) in ScopeDeclarations.Around(model, invocation.Syntax, cancellationToken))
        {
            var key = ScopeKeys.For(symbol, declaration);
            if (send && TracedScopes.FindAttribute(symbol, KnownNames.TracedProducerAttribute) is not null)
            {
                marks.Sends.TryAdd(key, 0);
            }
            else if (!send && TracedScopes.FindAttribute(symbol, KnownNames.TracedConsumerAttribute) is not null)
            {
                // An acknowledgement counts when the parser traces it (TraceSettle set on its scope).
                (traced ? marks.Receives : marks.UntracedSettles).TryAdd(key, 0);
            }
        }
    }

    private static void MarkClientCall(IInvocationOperation invocation, Marks marks, CancellationToken cancellationToken)
    {
        bool send = BrokerClientCalls.LooksLike(invocation.TargetMethod, send: true);
        bool receive = !send && BrokerClientCalls.LooksLike(invocation.TargetMethod, send: false);
        if ((!send && !receive) || invocation.SemanticModel is not { } model)
        {
            return;
        }

        var call = new ClientCall(invocation.Syntax.SyntaxTree.FilePath, invocation.Syntax.SpanStart, invocation.TargetMethod.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
        string attribute = send ? KnownNames.TracedProducerAttribute : KnownNames.TracedConsumerAttribute;
        foreach (var (declaration, symbol) in ScopeDeclarations.Around(model, invocation.Syntax, cancellationToken))
        {
            if (TracedScopes.FindAttribute(symbol, attribute) is not null)
            {
                // The first such call in the scope, whichever thread sees it first.
                marks.ClientCalls.AddOrUpdate(ScopeKeys.For(symbol, declaration), call, (_, seen) => seen.IsBefore(call) ? seen : call);
            }
        }
    }

    private sealed class Marks
    {
        public ConcurrentDictionary<object, byte> Sends { get; } = new(ScopeKeys.Comparer);

        public ConcurrentDictionary<object, byte> Receives { get; } = new(ScopeKeys.Comparer);

        public ConcurrentDictionary<object, byte> UntracedSettles { get; } = new(ScopeKeys.Comparer);

        /// <summary>Per scope, the first broker client call in it named like a send or receive that is not traced.</summary>
        public ConcurrentDictionary<object, ClientCall> ClientCalls { get; } = new(ScopeKeys.Comparer);
    }

    private sealed record ClientCall(string Path, int Position, string Display)
    {
        public bool IsBefore(ClientCall other)
        {
            int byPath = string.CompareOrdinal(Path, other.Path);
            return byPath < 0 || (byPath == 0 && Position <= other.Position);
        }
    }

    private sealed record Scope(object Key, bool IsProducer, Location Location, string Display);
}
