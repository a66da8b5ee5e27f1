using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0004: the project uses the tracing attributes, but its parse options do not admit interceptors
/// in the generated namespace. Reported once per compilation, on the first usage (by file path, then
/// position), so the result does not depend on the order concurrent analysis visits symbols in.
/// Nothing is registered when the namespace is admitted, which is the normal case.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InterceptorsNotEnabledAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InterceptorsNotEnabled);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var compilation = start.Compilation;
            if (TracingAttributes.For(compilation) is not { } traced
                || compilation.SyntaxTrees.FirstOrDefault()?.Options is not CSharpParseOptions options
                || InterceptorsFeature.Admits(options, KnownNames.GeneratedNamespace))
            {
                return;
            }

            var usages = new ConcurrentBag<Location>();
            if (DefaultsTraceAllProducers(compilation, start.CancellationToken) is { } defaults)
            {
                usages.Add(defaults);
            }

            start.RegisterSymbolAction(context => Collect(traced, context.Symbol, usages, context.CancellationToken), SymbolKind.Method, SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(
                context =>
                {
                    if (HasAttributes(context.Node)
                        && (context.Node is LocalFunctionStatementSyntax localFunction
                            ? context.SemanticModel.GetDeclaredSymbol(localFunction, context.CancellationToken)
                            : context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol) is { } symbol)
                    {
                        Collect(traced, symbol, usages, context.CancellationToken);
                    }
                },
                SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression);
            start.RegisterCompilationEndAction(context =>
            {
                var first = usages
                    .Where(static l => l.IsInSource)
                    .OrderBy(static l => l.SourceTree!.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(static l => l.SourceSpan.Start)
                    .FirstOrDefault();
                if (first is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.InterceptorsNotEnabled, first));
                }
            });
        });
    }

    private static void Collect(TracingAttributes traced, ISymbol symbol, ConcurrentBag<Location> usages, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var (attribute, _) in traced.On(symbol))
        {
            if (AttributeSyntaxes.Location(attribute, cancellationToken) is { } location)
            {
                usages.Add(location);
            }
        }
    }

    private static bool HasAttributes(SyntaxNode node) => node switch
    {
        LocalFunctionStatementSyntax localFunction => localFunction.AttributeLists.Count > 0,
        ParenthesizedLambdaExpressionSyntax lambda => lambda.AttributeLists.Count > 0,
        _ => false,
    };

    /// <summary><c>[assembly: MessageTraceDefaults(TraceAllProducers = true)]</c> makes every method a producer.</summary>
    private static Location? DefaultsTraceAllProducers(Compilation compilation, System.Threading.CancellationToken cancellationToken) =>
        TracedScopes.FindDefaults(compilation) is { } defaults
        && AttributeSyntaxes.NamedValue(defaults, "TraceAllProducers") is { Value: true }
            ? AttributeSyntaxes.Location(defaults, cancellationToken)
            : null;
}
