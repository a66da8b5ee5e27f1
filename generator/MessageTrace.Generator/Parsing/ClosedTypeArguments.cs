using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// The type arguments of a called method's containing type when generated code can name every one of them
/// (an <c>IProducer&lt;string, byte[]&gt;</c> call, not one inside a generic method or over a private type),
/// so its interceptor and adapter can be written for exactly those types.
/// </summary>
internal static class ClosedTypeArguments
{
    /// <summary>The containing type's type arguments as emitted code names them, or null when one cannot be named.</summary>
    public static EquatableArray<string>? Of(IMethodSymbol method, Compilation compilation)
    {
        if (method.ReducedFrom is not null || method.IsGenericMethod || method.ContainingType is not { IsGenericType: true } type
            || type.ContainingType is { IsGenericType: true })
        {
            return null;
        }

        var names = new List<string>(type.TypeArguments.Length);
        foreach (var argument in type.TypeArguments)
        {
            if (!IsNameable(argument, compilation.Assembly))
            {
                return null;
            }

            names.Add(argument.ToDisplayString(SymbolNames.Emit));
        }

        return names.ToEquatableArray();
    }

    // Named from a file-local class in a generated file of this compilation: no type parameters, no
    // anonymous or file-local types, nothing private or protected, and no other assembly's internals.
    private static bool IsNameable(ITypeSymbol type, IAssemblySymbol compiling) => type switch
    {
        IArrayTypeSymbol array => IsNameable(array.ElementType, compiling),
        INamedTypeSymbol named => named.TypeKind != TypeKind.Error
            && !named.IsAnonymousType
            && !named.IsFileLocal
            && IsAccessible(named, compiling)
            && named.TypeArguments.All(argument => IsNameable(argument, compiling)),
        _ => false,
    };

    private static bool IsAccessible(INamedTypeSymbol type, IAssemblySymbol compiling)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    if (!SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, compiling))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
