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
    private static readonly char[] s_braces = ['{', '}'];

    public static ScopeOptions Derive(ScopeOptions options, InvocationExpressionSyntax invocation, IMethodSymbol method, SendRecipe recipe)
    {
        if (options.Destination is not null || DestinationArgument(invocation, method, recipe) is not InterpolatedStringExpressionSyntax interpolated
            || Template(interpolated) is not { } template)
        {
            return options;
        }

        return options with { Destination = template };
    }

    /// <summary>
    /// The argument that is the destination: the recipe's destination parameter, or the first of its
    /// first-non-empty parameters that is not an empty string literal (RabbitMQ's default exchange <c>""</c>
    /// sends to the queue its routing key names).
    /// </summary>
    private static ExpressionSyntax? DestinationArgument(InvocationExpressionSyntax invocation, IMethodSymbol method, SendRecipe recipe)
    {
        if (recipe.Destination is { Kind: CallArgumentKind.Parameter, Member: null } destination)
        {
            return Argument(invocation, method, destination.Parameter);
        }

        foreach (var candidate in recipe.FirstNonEmptyDestination)
        {
            if (candidate is not { Kind: CallArgumentKind.Parameter, Member: null }
                || Argument(invocation, method, candidate.Parameter) is not { } argument)
            {
                return null;
            }

            if (!IsEmptyString(argument))
            {
                return argument;
            }
        }

        return null;
    }

    private static bool IsEmptyString(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.Token.ValueText.Length == 0 && literal.Token.Value is string,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: var type } => type.ToString() is "string" or "String" or "System.String",
        _ => false,
    };

    /// <summary>
    /// The template of an interpolated string, or null when it has no hole (a constant is the destination
    /// itself) or when its text holds a brace of its own (<c>$"a.{{b}}.{c}"</c>): in a template every brace
    /// opens or closes a placeholder, so such a destination has none and names its spans itself.
    /// </summary>
    public static string? Template(InterpolatedStringExpressionSyntax interpolated)
    {
        var template = new StringBuilder();
        bool hasHole = false;
        foreach (var content in interpolated.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax text:
                    if (text.TextToken.ValueText.IndexOfAny(s_braces) >= 0)
                    {
                        return null;
                    }

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

    /// <summary>The argument expression for parameter <paramref name="index"/> as interceptors number them (an extension's receiver is not one, in either call form).</summary>
    private static ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, IMethodSymbol method, int index)
    {
        if (method.ReducedFrom is null && method.IsExtensionMethod)
        {
            index++; // called in static form: the receiver is the first argument
        }

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
