using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageTrace.CodeFixes;

/// <summary>Whitespace decisions that keep the user's layout: line endings and indentation as found.</summary>
internal static class Trivia
{
    /// <summary>The document's line ending, from its first end-of-line trivia ("\n" when there is none).</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.LineFeed;
    }

    /// <summary>Whether <paramref name="token"/> is the first token on its line.</summary>
    public static bool StartsLine(SyntaxToken token)
    {
        var previous = token.GetPreviousToken();
        return previous.IsKind(SyntaxKind.None)
            || previous.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia)
            || token.LeadingTrivia.Any(SyntaxKind.EndOfLineTrivia);
    }

    /// <summary>The indentation of the line <paramref name="token"/> starts: its last leading whitespace.</summary>
    public static SyntaxTriviaList Indentation(SyntaxToken token) =>
        token.LeadingTrivia.Count > 0 && token.LeadingTrivia.Last().IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(token.LeadingTrivia.Last())
            : SyntaxFactory.TriviaList();
}
