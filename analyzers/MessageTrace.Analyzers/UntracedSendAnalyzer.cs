using System.Collections.Immutable;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0001: a send the catalogue knows that the generator's send parser finds outside every traced
/// producer scope, and that no interceptor intercepts. Only calls named like a send are classified.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntracedSendAnalyzer : InvocationAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UntracedSend);

    /// <inheritdoc />
    private protected override void Analyze(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        var cancellationToken = context.CancellationToken;
        if (CallSites.Send(invocation, cancellationToken) is not { Skipped: { } skip } site
            || SkipDiagnostics.DescriptorFor(skip) != Descriptors.UntracedSend
            || SkipDiagnostics.InterceptedElsewhere(site, invocation.SemanticModel!, cancellationToken))
        {
            return;
        }

        // The recipe's destination template says where the message names its destination; the
        // verdict itself is the parser's.
        string? destination = OperationMatcher.MatchSend(invocation.TargetMethod) is { } match
            ? SendDestination.Find(invocation, match.Operation.Recipe, cancellationToken)
            : null;
        context.ReportDiagnostic(SkipDiagnostics.Create(skip, site.Syntax.GetLocation(), destination is null ? string.Empty : " to '" + destination + "'"));
    }
}
