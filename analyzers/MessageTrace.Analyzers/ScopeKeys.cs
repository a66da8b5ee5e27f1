using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Analyzers;

/// <summary>
/// Identity of a scope declaration across actions: the symbol for methods and types, the source
/// location for local functions and lambdas (whose symbols come from binding a body and need not be
/// the same instance from one semantic model to the next).
/// </summary>
internal sealed class ScopeKeys : IEqualityComparer<object>
{
    public static readonly ScopeKeys Comparer = new();

    public static object For(ISymbol symbol, SyntaxNode declaration) =>
        symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } ? declaration.GetLocation() : symbol;

    public new bool Equals(object? x, object? y) =>
        x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

    public int GetHashCode(object obj) =>
        obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
}
