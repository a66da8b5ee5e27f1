using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.CodeFixes;

/// <summary>
/// MT0003: removes an attribute that cannot take effect, or an option that has none (an empty
/// Destination, ParentPolicy or RecordBodySize on a batch handler), keeping the layout around it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveAttributeCodeFix))]
public sealed class RemoveAttributeCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.NothingToTrace.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(static async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

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
            var target = Target(root, diagnostic);
            string? title = target switch
            {
                AttributeSyntax attribute => "Remove [" + attribute.Name + "]",
                AttributeArgumentSyntax { NameEquals: { } name } => "Remove " + name.Name.Identifier.ValueText,
                _ => null,
            };
            if (title is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => FixAsync(context.Document, ImmutableArray.Create(diagnostic), token), equivalenceKey: title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, diagnostic) is { } target)
            {
                targets.Add(target);
            }
        }

        return document.WithSyntaxRoot(AttributeRemoval.RemoveAll(root, targets));
    }

    private static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        diagnostic.Properties.TryGetValue(FixKinds.Key, out var kind);
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return kind switch
        {
            FixKinds.RemoveAttribute => node.FirstAncestorOrSelf<AttributeSyntax>(),
            FixKinds.RemoveArgument => node.FirstAncestorOrSelf<AttributeArgumentSyntax>() is { NameEquals: not null } argument ? argument : null,
            _ => null,
        };
    }
}
