using System.Collections.Immutable;
using System.Threading;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0003: a tracing attribute that cannot take effect. A [TracedHandler] without a message; any of
/// the three on a member without a body or one generated code cannot call; an invalid destination
/// template; options that contradict a batch handler.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeMisuseAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.HandlerWithoutMessage,
        Descriptors.NothingToTrace,
        Descriptors.InvalidDestination,
        Descriptors.ConflictingOption);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (TracingAttributes.For(start.Compilation) is not { } traced)
            {
                return;
            }

            start.RegisterSymbolAction(context => AnalyzeMethod(context, traced), SymbolKind.Method);
            start.RegisterSymbolAction(context => AnalyzeType(context, traced), SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(context => AnalyzeFunction(context, traced), SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, TracingAttributes traced)
    {
        var method = (IMethodSymbol)context.Symbol;
        foreach (var (attribute, name) in traced.On(method))
        {
            Check(context.ReportDiagnostic, method, attribute, name, context.CancellationToken);
        }
    }

    private static void AnalyzeType(SymbolAnalysisContext context, TracingAttributes traced)
    {
        foreach (var (attribute, name) in traced.On(context.Symbol))
        {
            CheckDestination(context.ReportDiagnostic, attribute, name, context.CancellationToken);
        }
    }

    private static void AnalyzeFunction(SyntaxNodeAnalysisContext context, TracingAttributes traced)
    {
        var attributeLists = context.Node switch
        {
            LocalFunctionStatementSyntax localFunction => localFunction.AttributeLists,
            ParenthesizedLambdaExpressionSyntax lambda => lambda.AttributeLists,
            _ => default,
        };
        if (attributeLists.Count == 0)
        {
            return;
        }

        var symbol = context.Node is LocalFunctionStatementSyntax declaration
            ? context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken)
            : context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol;
        if (symbol is IMethodSymbol method)
        {
            foreach (var (attribute, name) in traced.On(method))
            {
                Check(context.ReportDiagnostic, method, attribute, name, context.CancellationToken);
            }
        }
    }

    private static void Check(System.Action<Diagnostic> report, IMethodSymbol method, AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        CheckDestination(report, attribute, name, cancellationToken);
        bool isHandler = name == KnownNames.TracedHandlerAttribute;
        string shortName = MessageTraceRuntime.ShortName(name);
        string display = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var location = AttributeSyntaxes.Location(attribute, cancellationToken) ?? method.Locations[0];
        if (TracedTargets.NothingToTrace(method, isHandler) is { } problem)
        {
            report(Diagnostic.Create(Descriptors.NothingToTrace, location, FixKinds.Of(FixKinds.RemoveAttribute), shortName, display, problem.Reason, problem.Advice));
            return;
        }

        if (!isHandler)
        {
            return;
        }

        if (!HandlerShape.HasMessage(method))
        {
            report(Diagnostic.Create(Descriptors.HandlerWithoutMessage, location, display, HandlerShape.KnownMessageTypes));
            return;
        }

        if (!HandlerShape.IsBatch(method))
        {
            return;
        }

        if (AttributeSyntaxes.NamedValue(attribute, "ParentPolicy") is not null)
        {
            ReportConflict(report, attribute, "ParentPolicy", display, "a batch process span links to the creation context of every message and is never parented on one of them", cancellationToken);
        }

        if (AttributeSyntaxes.NamedValue(attribute, "RecordBodySize") is { Value: true })
        {
            ReportConflict(report, attribute, "RecordBodySize", display, "the body size is recorded for single messages only", cancellationToken);
        }
    }

    private static void ReportConflict(System.Action<Diagnostic> report, AttributeData attribute, string option, string display, string why, CancellationToken cancellationToken)
    {
        var location = AttributeSyntaxes.NamedArgument(attribute, option, cancellationToken)?.GetLocation() ?? AttributeSyntaxes.Location(attribute, cancellationToken);
        if (location is not null)
        {
            report(Diagnostic.Create(Descriptors.ConflictingOption, location, FixKinds.Of(FixKinds.RemoveArgument), option, display, why));
        }
    }

    private static void CheckDestination(System.Action<Diagnostic> report, AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (AttributeSyntaxes.NamedValue(attribute, "Destination") is not { Value: string destination }
            || DestinationTemplate.Problem(destination) is not { } problem
            || AttributeSyntaxes.NamedArgument(attribute, "Destination", cancellationToken) is not { } argument)
        {
            return;
        }

        // An empty destination means "not set" in effect, so removing it is the equivalent fix.
        var properties = string.IsNullOrWhiteSpace(destination) ? FixKinds.Of(FixKinds.RemoveArgument) : ImmutableDictionary<string, string?>.Empty;
        report(Diagnostic.Create(Descriptors.InvalidDestination, argument.GetLocation(), properties, destination, MessageTraceRuntime.ShortName(name), problem));
    }
}
