using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0007: a messaging call the generator's parsers leave untraced for a reason no other rule reports
/// (a shadowed type parameter, a base call, an acknowledgement without TraceSettle, an operation the
/// profile does not know, ...). The message is the parser's reason and fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntracedCallAnalyzer : InvocationAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UntracedCall);

    /// <inheritdoc />
    private protected override void Analyze(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (CallSites.Any(invocation, context.CancellationToken) is { Skipped: { } skip } site
            && SkipDiagnostics.DescriptorFor(skip) == Descriptors.UntracedCall
            && !SkipDiagnostics.InterceptedElsewhere(site, invocation.SemanticModel!, context.CancellationToken))
        {
            context.ReportDiagnostic(SkipDiagnostics.Create(skip, site.Syntax.GetLocation()));
        }
    }
}
