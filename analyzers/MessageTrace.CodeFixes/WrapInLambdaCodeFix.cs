using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.CodeFixes;

/// <summary>
/// MT0001 and MT0002 on method groups: replaces the method group with a lambda that calls the method,
/// which the generator then intercepts (a send still needs a [TracedProducer] scope around it).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInLambdaCodeFix))]
public sealed class WrapInLambdaCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SendUsedAsDelegate.Id, Descriptors.HandlerUsedAsDelegate.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixKinds.Key, out var kind) || kind != FixKinds.WrapInLambda
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax methodGroup
                || LambdaWrapper.Rewrite(model, methodGroup, context.CancellationToken) is not { } lambda)
            {
                continue;
            }

            string name = methodGroup is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : methodGroup.ToString();
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Call '" + name + "' from a lambda so the call can be traced",
                    token => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(methodGroup, lambda))),
                    equivalenceKey: nameof(WrapInLambdaCodeFix)),
                diagnostic);
        }
    }
}
