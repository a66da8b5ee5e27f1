using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.CodeFixes;

/// <summary>Adds [TracedProducer] to the members around the given sends of one document, once per member.</summary>
internal static class ProducerAttributes
{
    public static async Task<Document> AddAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || model.Compilation.GetTypeByMetadataName(KnownNames.TracedProducerAttribute) is not { } attributeType)
        {
            return document;
        }

        var targets = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (ProducerTargets.Find(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is { } target)
            {
                targets.Add(target);
            }
        }

        // A type-level attribute covers every member of the type: nothing inside it needs its own.
        targets.RemoveWhere(target => target.Ancestors().Any(a => a is BaseTypeDeclarationSyntax && targets.Contains(a)));
        if (targets.Count == 0)
        {
            return document;
        }

        bool needsUsing = !UsingDirectives.IsInScope(model, targets.First().SpanStart, attributeType);
        var endOfLine = Trivia.EndOfLine(root);
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("TracedProducer"))));
        var fixedRoot = root.ReplaceNodes(targets, (original, rewritten) => AttributeInsertion.Add(original, rewritten, list, endOfLine));
        if (needsUsing)
        {
            fixedRoot = UsingDirectives.Add(fixedRoot, endOfLine);
        }

        return document.WithSyntaxRoot(fixedRoot);
    }
}
