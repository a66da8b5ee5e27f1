using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// An analyzer that reports the parsers' verdicts on invocations. It registers nothing in projects
/// that do not reference MessageTrace, so those pay nothing.
/// </summary>
public abstract class InvocationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (MessageTraceRuntime.IsReferenced(start.Compilation))
            {
                start.RegisterOperationAction(context => Analyze(context, (IInvocationOperation)context.Operation), OperationKind.Invocation);
            }
        });
    }

    private protected abstract void Analyze(OperationAnalysisContext context, IInvocationOperation invocation);
}
