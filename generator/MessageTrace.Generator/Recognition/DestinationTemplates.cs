using System.Text;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// A destination template read from the send itself: when the options name no template and the
/// destination argument is an interpolated string (<c>$"orders.{region}"</c>), its holes become the
/// template's placeholders (<c>orders.{region}</c>). Span names then stay one per template rather than one
/// per region; the span still records the actual destination in <c>messaging.destination.name</c>.
/// </summary>
internal static class DestinationTemplates
{
    public static ScopeOptions Derive(ScopeOptions options, InvocationExpressionSyntax invocation, IMethodSymbol method, SendRecipe recipe)
    {
        if (options.Destination is not null
            || recipe.Destination is not { Kind: CallArgumentKind.Parameter, Member: null } destination
            || Argument(invocation, method, destination.Parameter) is not InterpolatedStringExpressionSyntax interpolated
            || Template(interpolated) is not { } template)
        {
            return options;
        }

        return options with { Destination = template };
    }

    /// <summary>The template of an interpolated string, or null when it has no hole (a constant is the destination itself).</summary>
    public static string? Template(InterpolatedStringExpressionSyntax interpolated)
    {
        var template = new StringBuilder();
        bool hasHole = false;
        foreach (var content in interpolated.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax text:
                    template.Append(text.TextToken.ValueText);
                    break;
                case InterpolationSyntax hole:
                    // The expression names the placeholder; alignment and format (`{id,5:D4}`) do not.
                    hasHole = true;
                    template.Append('{').Append(Placeholder(hole.Expression)).Append('}');
                    break;
            }
        }

        return hasHole ? template.ToString() : null;
    }

    private static string Placeholder(ExpressionSyntax expression)
    {
        var text = new StringBuilder();
        foreach (var token in expression.DescendantTokens())
        {
            text.Append(token.Text);
        }

        return text.ToString();
    }

    /// <summary>The argument expression for parameter <paramref name="index"/> of the method as called (a reduced extension's receiver is not a parameter).</summary>
    private static ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, IMethodSymbol method, int index)
    {
        if (index < 0 || index >= method.Parameters.Length)
        {
            return null;
        }

        string name = method.Parameters[index].Name;
        var arguments = invocation.ArgumentList.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is { } named)
            {
                if (named.Name.Identifier.ValueText == name)
                {
                    return arguments[i].Expression;
                }
            }
            else if (i == index)
            {
                return arguments[i].Expression;
            }
        }

        return null;
    }
}
