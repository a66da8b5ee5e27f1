using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Purely syntactic questions about invocations, cheap enough for predicates.</summary>
internal static class CallSyntax
{
    /// <summary>The simple name of the invoked method (<c>Send</c> in <c>producer.Send(m)</c> or <c>producer?.Send(m)</c>).</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
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
