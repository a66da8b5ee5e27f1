using System.Collections.Immutable;
using System.Threading.Tasks;
using MessageTrace.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MessageTrace.CodeFixes;

/// <summary>
/// MT0001: adds [TracedProducer] to the member around an untraced send (adding <c>using MessageTrace;</c>
/// when needed). In top-level statements, where no method can carry it, it turns on
/// <c>[assembly: MessageTraceDefaults(TraceAllProducers = true)]</c> instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddTracedProducerCodeFix))]
public sealed class AddTracedProducerCodeFix : CodeFixProvider
{
    internal const string MemberKey = "AddTracedProducer";
    internal const string AssemblyKey = "TraceAllProducers";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.UntracedSend.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => AddTracedProducerFixAll.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixKinds.Key, out var kind) || kind != FixKinds.AddTracedProducer)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (ProducerTargets.Find(node) is { } target)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add [TracedProducer] to '" + ProducerTargets.Name(target) + "'",
                        token => ProducerAttributes.AddAsync(context.Document, ImmutableArray.Create(diagnostic), token),
                        equivalenceKey: MemberKey),
                    diagnostic);
            }
            else if (ProducerTargets.IsTopLevel(node))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Trace every send of the project with [assembly: MessageTraceDefaults(TraceAllProducers = true)]",
                        token => AssemblyDefaults.TraceAllProducersAsync(context.Document, token),
                        equivalenceKey: AssemblyKey),
                    diagnostic);
            }
        }
    }
}
