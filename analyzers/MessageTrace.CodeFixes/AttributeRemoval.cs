using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.CodeFixes;

/// <summary>Removes attributes and attribute arguments without leaving blank lines or stray indentation.</summary>
internal static class AttributeRemoval
{
    /// <summary>Removes every given attribute or attribute argument, one after the other on the updated tree.</summary>
    public static SyntaxNode RemoveAll(SyntaxNode root, System.Collections.Generic.IReadOnlyCollection<SyntaxNode> targets)
    {
        root = root.TrackNodes(targets);
        foreach (var target in targets)
        {
            root = root.GetCurrentNode(target) switch
            {
                AttributeSyntax attribute => RemoveAttribute(root, attribute),
                AttributeArgumentSyntax argument => RemoveArgument(root, argument),
                _ => root,
            };
        }

        return root;
    }

    public static SyntaxNode RemoveAttribute(SyntaxNode root, AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax list)
        {
            return root;
        }

        if (list.Attributes.Count > 1)
        {
            return root.ReplaceNode(list, list.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia)!);
        }

        // Removing the first list: the declaration's new first token takes the list's leading trivia
        // (doc comments, indentation) in place of its own; later lists go with their own trivia.
        if (list.Parent is not { } declaration || declaration.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia) is not { } updated)
        {
            return root;
        }

        if (declaration.GetFirstToken() == list.GetFirstToken())
        {
            var first = updated.GetFirstToken();
            updated = updated.ReplaceToken(first, first.WithLeadingTrivia(list.GetLeadingTrivia()));
        }

        return root.ReplaceNode(declaration, updated);
    }

    public static SyntaxNode RemoveArgument(SyntaxNode root, AttributeArgumentSyntax argument)
    {
        if (argument.Parent is not AttributeArgumentListSyntax arguments || arguments.Parent is not AttributeSyntax attribute)
        {
            return root;
        }

        var updated = arguments.Arguments.Count == 1
            ? attribute.WithArgumentList(null).WithTriviaFrom(attribute)
            : attribute.WithArgumentList(arguments.WithArguments(Without(arguments.Arguments, argument)));
        return root.ReplaceNode(attribute, updated);
    }

    private static SeparatedSyntaxList<AttributeArgumentSyntax> Without(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, AttributeArgumentSyntax argument)
    {
        int index = arguments.IndexOf(argument);
        var remaining = arguments.RemoveAt(index);
        if (index == 0 && remaining.Count > 0)
        {
            // The argument that moves to the front loses the space it had after the removed comma.
            remaining = remaining.Replace(remaining[0], remaining[0].WithLeadingTrivia(argument.GetLeadingTrivia()));
        }

        return remaining;
    }
}
