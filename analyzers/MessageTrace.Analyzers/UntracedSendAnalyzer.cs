using System.Collections.Immutable;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0001: a send call the catalogue knows that no traced producer scope covers and no interceptor
/// intercepts. Registered for invocations only; the invoked name is checked against the catalogue's
/// send names before any further semantic work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntracedSendAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UntracedSend);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (MessageTraceRuntime.IsReferenced(start.Compilation))
            {
                start.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!BrokerCatalog.SendMethodNames.Contains(invocation.TargetMethod.Name))
        {
            return;
        }

        if (OperationMatcher.MatchSend(invocation.TargetMethod) is not { } match
            || invocation.Syntax is not InvocationExpressionSyntax syntax
            || invocation.SemanticModel is not { } model)
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        if (TracedScopes.FindProducerScope(model, syntax, cancellationToken) is not null
            || model.GetInterceptorMethod(syntax, cancellationToken) is not null)
        {
            return;
        }

        var called = model.GetSymbolInfo(syntax, cancellationToken).Symbol as IMethodSymbol ?? invocation.TargetMethod;
        string? destination = SendDestination.Find(invocation, match.Operation, cancellationToken);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UntracedSend,
            syntax.GetLocation(),
            FixKinds.Of(FixKinds.AddTracedProducer),
            called.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            destination is null ? string.Empty : " to '" + destination + "'"));
    }
}
