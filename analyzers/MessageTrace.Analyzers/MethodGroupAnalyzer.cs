using System.Collections.Immutable;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0001 and MT0002 for method groups: a send method or a [TracedHandler] method turned into a
/// delegate (<c>Func&lt;Message, Task&lt;ISendReceipt&gt;&gt; f = producer.Send;</c>,
/// <c>consumer.OnMessage += billing.Handle;</c>). Interceptors replace invocations only, so every
/// call made through such a delegate is untraced, whatever scope the conversion is in.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MethodGroupAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SendUsedAsDelegate, Descriptors.HandlerUsedAsDelegate);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (MessageTraceRuntime.IsReferenced(start.Compilation))
            {
                start.RegisterOperationAction(AnalyzeReference, OperationKind.MethodReference);
            }
        });
    }

    private static void AnalyzeReference(OperationAnalysisContext context)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        var method = reference.Method;
        if (IsInNameOf(reference))
        {
            return;
        }

        string display = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (BrokerCatalog.SendMethodNames.Contains(method.Name) && OperationMatcher.MatchSend(method) is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SendUsedAsDelegate, reference.Syntax.GetLocation(), FixKinds.Of(FixKinds.WrapInLambda), display));
            return;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (TracedScopes.FindAttribute(definition, KnownNames.TracedHandlerAttribute) is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HandlerUsedAsDelegate, reference.Syntax.GetLocation(), FixKinds.Of(FixKinds.WrapInLambda), display, method.Name));
        }
    }

    private static bool IsInNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }
}
