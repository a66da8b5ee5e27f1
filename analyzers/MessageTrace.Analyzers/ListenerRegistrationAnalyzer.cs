using System.Collections.Immutable;
using MessageTrace.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0002 for listener registrations (RocketMQ <c>SetMessageListener</c>), as the generator's
/// <see cref="RegistrationParser"/> classifies them: a static type that hides a traced callback (an
/// interface-typed variable while this project has traced listeners of that interface), and a traced
/// callback that generated code cannot call. Reported on the listener argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ListenerRegistrationAnalyzer : InvocationAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ListenerTypeHidesHandler, Descriptors.HandlerUnreachable);

    /// <inheritdoc />
    private protected override void Analyze(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (CallSites.Registration(invocation, context.CancellationToken) is { Skipped: { } skip } site
            && SkipDiagnostics.DescriptorFor(skip) is var descriptor
            && (descriptor == Descriptors.ListenerTypeHidesHandler || descriptor == Descriptors.HandlerUnreachable)
            && site.Syntax.ArgumentList.Arguments.Count > 0)
        {
            context.ReportDiagnostic(SkipDiagnostics.Create(skip, site.Syntax.ArgumentList.Arguments[0].GetLocation()));
        }
    }
}
