using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// The consumer group that code names when it builds the consumer a call works on: a listener
/// registration's builder (<c>new PushConsumer.Builder().SetConsumerGroup("billing").SetMessageListener(l)</c>),
/// or the builder a pull consumer was built with (<c>var consumer = await new SimpleConsumer.Builder()
/// .SetConsumerGroup(group)...Build()</c>). Only this file is read, and only constant groups are taken:
/// the generator binds a file again when it changes, so what it reads here must come from this file.
/// </summary>
internal static class BuilderConsumerGroups
{
    private const int MaxDepth = 4;

    private static readonly ImmutableHashSet<string> s_setters = BrokerCatalog.Profiles
        .SelectMany(static p => p.ConsumerGroupSetters)
        .ToImmutableHashSet(System.StringComparer.Ordinal);

    /// <summary>The group set on the builder chain of <paramref name="call"/> or on what its receiver was built from.</summary>
    public static string? Find(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        // Setters later in the same chain: builder.SetMessageListener(l).SetConsumerGroup("g").
        for (SyntaxNode node = call; node.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next }; node = next)
        {
            if (GroupSetBy(model, next, cancellationToken) is { } group)
            {
                return group;
            }
        }

        return call.Expression is MemberAccessExpressionSyntax member ? FromChain(model, member.Expression, 0, cancellationToken) : null;
    }

    private static string? FromChain(SemanticModel model, ExpressionSyntax expression, int depth, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (expression)
            {
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation:
                    if (GroupSetBy(model, invocation, cancellationToken) is { } group)
                    {
                        return group;
                    }

                    expression = member.Expression;
                    continue;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } when depth < MaxDepth:
                    return FromVariable(model, expression, depth + 1, cancellationToken);
                default:
                    return null;
            }
        }
    }

    /// <summary>A local, parameter or field: its initializer, its assignments and the setter chains on it, in this file.</summary>
    private static string? FromVariable(SemanticModel model, ExpressionSyntax reference, int depth, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(reference, cancellationToken).Symbol;
        if (symbol is not (ILocalSymbol or IFieldSymbol or IParameterSymbol))
        {
            return null;
        }

        SyntaxNode scope = symbol is IFieldSymbol
            ? reference.SyntaxTree.GetRoot(cancellationToken)
            : reference.Ancestors().FirstOrDefault(static a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax) ?? reference.SyntaxTree.GetRoot(cancellationToken);
        foreach (var node in scope.DescendantNodes())
        {
            var source = node switch
            {
                VariableDeclaratorSyntax { Initializer.Value: { } value } declarator when SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken), symbol) => value,
                AssignmentExpressionSyntax assignment when Refers(model, assignment.Left, symbol, cancellationToken) => assignment.Right,
                InvocationExpressionSyntax invocation when IsSetterOn(model, invocation, symbol, cancellationToken) => invocation,
                _ => null,
            };
            if (source is not null && FromChain(model, source, depth, cancellationToken) is { } group)
            {
                return group;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="invocation"/> is a setter chain whose root is <paramref name="symbol"/>.</summary>
    private static bool IsSetterOn(SemanticModel model, InvocationExpressionSyntax invocation, ISymbol symbol, CancellationToken cancellationToken)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetConsumerGroup" })
        {
            return false;
        }

        ExpressionSyntax root = invocation;
        while (root is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
        {
            root = member.Expression;
        }

        return Refers(model, root, symbol, cancellationToken);
    }

    private static bool Refers(SemanticModel model, ExpressionSyntax expression, ISymbol symbol, CancellationToken cancellationToken) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression, cancellationToken).Symbol, symbol);

    private static string? GroupSetBy(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (invocation is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetConsumerGroup" }, ArgumentList.Arguments.Count: 1 }
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ContainingType: { } type } method
            || !s_setters.Contains(SymbolNames.Metadata(type) + "." + method.Name))
        {
            return null;
        }

        return model.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: string { Length: > 0 } group } ? group : null;
    }
}
