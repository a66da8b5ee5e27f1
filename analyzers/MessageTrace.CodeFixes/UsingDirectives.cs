using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.CodeFixes;

/// <summary>Adds <c>using MessageTrace;</c> when the attribute names would not bind without it.</summary>
internal static class UsingDirectives
{
    public const string Namespace = "MessageTrace";

    /// <summary>Whether <paramref name="typeName"/> (an attribute class) binds at <paramref name="position"/> by its simple name.</summary>
    public static bool IsInScope(SemanticModel model, int position, INamedTypeSymbol type) =>
        model.LookupNamespacesAndTypes(position, name: type.Name).Any(s => SymbolEqualityComparer.Default.Equals(s, type));

    /// <summary>
    /// Adds the using to the compilation unit (or, when only a namespace has usings, to that namespace),
    /// in sorted position with System usings first, unless one is already there.
    /// </summary>
    public static CompilationUnitSyntax Add(CompilationUnitSyntax root, SyntaxTrivia endOfLine)
    {
        if (root.Usings.Count == 0 && root.Members.FirstOrDefault() is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } ns)
        {
            return root.ReplaceNode(ns, ns.WithUsings(Insert(ns.Usings, endOfLine, out _)));
        }

        var usings = Insert(root.Usings, endOfLine, out bool blankLineAfter);
        root = root.WithUsings(usings);
        if (blankLineAfter)
        {
            // The first using of the file: keep the file header above it and separate it from the code.
            var first = root.Usings[0];
            var next = first.GetLastToken().GetNextToken();
            root = root.ReplaceToken(next, next.WithLeadingTrivia(next.LeadingTrivia.Insert(0, endOfLine)));
        }

        return root;
    }

    private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, SyntaxTrivia endOfLine, out bool wasEmpty)
    {
        wasEmpty = usings.Count == 0;
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(Namespace))
            .NormalizeWhitespace()
            .WithTrailingTrivia(endOfLine);
        if (usings.Any(static u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == Namespace))
        {
            return usings;
        }

        int index = 0;
        while (index < usings.Count && SortsBefore(usings[index], Namespace))
        {
            index++;
        }

        if (index == 0 && usings.Count > 0)
        {
            // Take over the file header (comments, blank lines) of the using it goes before.
            var header = usings[0].GetLeadingTrivia();
            directive = directive.WithLeadingTrivia(header);
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia());
        }
        else if (usings.Count == 0)
        {
            return SyntaxFactory.SingletonList(directive);
        }

        return usings.Insert(index, directive);
    }

    private static bool SortsBefore(UsingDirectiveSyntax existing, string name)
    {
        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || !existing.GlobalKeyword.IsKind(SyntaxKind.None))
        {
            return !existing.GlobalKeyword.IsKind(SyntaxKind.None);
        }

        string other = existing.Name?.ToString() ?? string.Empty;
        bool otherIsSystem = other == "System" || other.StartsWith("System.", StringComparison.Ordinal);
        return otherIsSystem || string.CompareOrdinal(other, name) < 0;
    }
}
