using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0008: "N of M messaging call sites are traced", listing the untraced ones with their reasons. Off
/// unless the project sets <c>MessageTraceCoverageReport</c> to true (the package makes the MSBuild
/// property visible to the compiler; an analyzer config may set <c>build_property.MessageTraceCoverageReport</c>).
/// The sites and verdicts are the parsers', the same ones every other rule reports.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CoverageAnalyzer : DiagnosticAnalyzer
{
    public const string Option = "build_property.MessageTraceCoverageReport";

    private const string ProjectDirectory = "build_property.ProjectDir";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.Coverage);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var options = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (!MessageTraceRuntime.IsReferenced(start.Compilation)
                || !options.TryGetValue(Option, out var enabled)
                || !string.Equals(enabled.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            options.TryGetValue(ProjectDirectory, out var projectDirectory);
            var sites = new ConcurrentQueue<(Location Location, NotTraced? Skipped)>();
            start.RegisterOperationAction(
                context =>
                {
                    if (CallSites.Any((IInvocationOperation)context.Operation, context.CancellationToken) is { } site)
                    {
                        sites.Enqueue((site.Syntax.GetLocation(), site.Skipped));
                    }
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                context =>
                {
                    if (MethodGroupSites.Classify((IMethodReferenceOperation)context.Operation, context.CancellationToken) is { } skip)
                    {
                        sites.Enqueue((context.Operation.Syntax.GetLocation(), skip));
                    }
                },
                OperationKind.MethodReference);
            start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Report(sites.ToList(), projectDirectory)));
        });
    }

    private static Diagnostic Report(System.Collections.Generic.List<(Location Location, NotTraced? Skipped)> sites, string? projectDirectory)
    {
        var untraced = sites
            .Where(static s => s.Skipped is not null)
            .Select(s => (Span: s.Location.GetLineSpan(), Reason: s.Skipped!.Reason))
            .OrderBy(static s => s.Span.Path, System.StringComparer.Ordinal)
            .ThenBy(static s => s.Span.StartLinePosition)
            .Select(s => Relative(s.Span.Path, projectDirectory) + ":" + (s.Span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + s.Reason)
            .ToList();
        return Diagnostic.Create(
            Descriptors.Coverage,
            Location.None,
            sites.Count - untraced.Count,
            sites.Count,
            untraced.Count == 0 ? "none" : string.Join(", ", untraced));
    }

    private static string Relative(string path, string? projectDirectory) =>
        !string.IsNullOrEmpty(projectDirectory) && path.StartsWith(projectDirectory, System.StringComparison.Ordinal)
            ? path.Substring(projectDirectory!.Length).TrimStart('/', '\\')
            : path;
}
