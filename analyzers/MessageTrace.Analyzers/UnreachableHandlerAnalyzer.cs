using System.Collections.Immutable;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0002 for calls: a call of a [TracedHandler] method that generated code cannot make (a private
/// handler in a type that is not partial, a file-local type, a handler in another assembly), so the
/// generator leaves the call untraced.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnreachableHandlerAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HandlerUnreachable);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.TracedHandlerAttribute) is not { } handlerAttribute)
            {
                return;
            }

            var reach = new HandlerReach(start.Compilation);
            start.RegisterOperationAction(context => Analyze(context, handlerAttribute, reach), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol handlerAttribute, HandlerReach reach)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;

        // Handlers take at least the message; the symbol comparison keeps the common case allocation-free.
        if (method.Parameters.Length == 0 || method.MethodKind != MethodKind.Ordinary)
        {
            return;
        }

        var definition = method.OriginalDefinition;
        if (!Attributes.Has(definition, handlerAttribute)
            || TracedScopes.FindAttribute(definition, KnownNames.TracedHandlerAttribute) is not { } attribute
            || reach.Explain(definition, attribute, context.CancellationToken) is not { } verdict)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.HandlerUnreachable,
            invocation.Syntax.GetLocation(),
            definition.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            verdict.Reason,
            "call",
            verdict.Advice));
    }
}
