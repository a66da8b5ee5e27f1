using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MessageTrace.CodeFixes;

/// <summary>
/// Fix-all for MT0001: per document, one [TracedProducer] per member; for top-level statements, the
/// assembly default once per project (it may live in another document, hence a solution-level fix).
/// </summary>
internal sealed class AddTracedProducerFixAll : FixAllProvider
{
    public static readonly AddTracedProducerFixAll Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext context)
    {
        var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
        var action = CodeAction.Create(
            "Add [TracedProducer] around every untraced send",
            async cancellationToken =>
            {
                var solution = context.Solution;
                foreach (var project in projects)
                {
                    var documents = context.Scope == FixAllScope.Document && context.Document is { } only ? new[] { only } : project.Documents;
                    foreach (var document in documents.ToList())
                    {
                        var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                        if (diagnostics.IsEmpty)
                        {
                            continue;
                        }

                        if (context.CodeActionEquivalenceKey == AddTracedProducerCodeFix.AssemblyKey)
                        {
                            // One assembly attribute covers the whole project.
                            solution = await AssemblyDefaults.TraceAllProducersAsync(solution.GetDocument(document.Id)!, cancellationToken).ConfigureAwait(false);
                            break;
                        }

                        var updated = await ProducerAttributes.AddAsync(solution.GetDocument(document.Id)!, diagnostics, cancellationToken).ConfigureAwait(false);
                        solution = updated.Project.Solution;
                    }
                }

                return solution;
            },
            equivalenceKey: context.CodeActionEquivalenceKey);
        return Task.FromResult<CodeAction?>(action);
    }
}
