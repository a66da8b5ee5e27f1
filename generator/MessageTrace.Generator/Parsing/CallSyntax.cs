using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Purely syntactic questions about invocations, cheap enough for predicates.</summary>
internal static class CallSyntax
{
    /// <summary>
    /// The invoked expression without parentheses: <c>((producer.Send))(m)</c> is still a call of
    /// <c>Send</c>, one the parsers must see to say that it cannot be intercepted.
    /// </summary>
    public static ExpressionSyntax Invoked(InvocationExpressionSyntax invocation)
    {
        var expression = invocation.Expression;
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>The simple name of the invoked method (<c>Send</c> in <c>producer.Send(m)</c> or <c>producer?.Send(m)</c>).</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => Invoked(invocation) switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    public static bool IsInvocationOf(SyntaxNode node, System.Collections.Immutable.ImmutableHashSet<string> names) =>
        node is InvocationExpressionSyntax invocation
        && InvokedName(invocation) is { } name
        && names.Contains(name);
}
