using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0001 and MT0002 for method groups: a send method or a [TracedHandler] method turned into a
/// delegate (<c>Func&lt;Message, Task&lt;ISendReceipt&gt;&gt; f = producer.Send;</c>,
/// <c>consumer.OnMessage += billing.Handle;</c>), as the generator's method-group parser classifies it.
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
        if (MethodGroupSites.Classify(reference, context.CancellationToken) is { } skip)
        {
            context.ReportDiagnostic(SkipDiagnostics.Create(skip, reference.Syntax.GetLocation()));
        }
    }
}
