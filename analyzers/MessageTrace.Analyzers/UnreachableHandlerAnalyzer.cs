using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0002 for calls: a call of a [TracedHandler] method that the generator's handler-call parser finds
/// generated code cannot make (a private handler in a type that is not partial, a file-local type, a
/// handler in another assembly).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnreachableHandlerAnalyzer : InvocationAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HandlerUnreachable);

    /// <inheritdoc />
    private protected override void Analyze(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (CallSites.HandlerCall(invocation, context.CancellationToken) is { Skipped: { } skip } site
            && SkipDiagnostics.DescriptorFor(skip) == Descriptors.HandlerUnreachable)
        {
            context.ReportDiagnostic(SkipDiagnostics.Create(skip, site.Syntax.GetLocation()));
        }
    }
}
