using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// How generated code reaches a <c>[TracedHandler]</c> method: directly when it and its containing types
/// are internal or public, through a bridge when every containing type is partial, and otherwise not at
/// all, which is a problem the parsers report with its cause and cure.
/// </summary>
internal static class HandlerReach
{
    public static (HandlerAccess Access, HandlerProblem? Problem) Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        bool direct = IsReachable(method.DeclaredAccessibility);
        INamedTypeSymbol? notPartial = null;
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsFileLocal)
            {
                return (HandlerAccess.Unreachable, Skips.Unreachable(method, "it is declared in file-local type '" + type.Name + "'", "move it to a type that is not file-local"));
            }

            direct &= IsReachable(type.DeclaredAccessibility);
            if (notPartial is null && !IsPartial(type, cancellationToken))
            {
                notPartial = type;
            }
        }

        if (direct)
        {
            return (HandlerAccess.Direct, null);
        }

        if (notPartial is null)
        {
            return (HandlerAccess.Bridge, null);
        }

        // The innermost of the method and its containing types that generated code cannot see.
        ISymbol hidden = method;
        for (var type = method.ContainingType; type is not null && IsReachable(hidden.DeclaredAccessibility); type = type.ContainingType)
        {
            hidden = type;
        }

        return (HandlerAccess.Unreachable, Skips.Unreachable(
            method,
            "'" + hidden.Name + "' is " + Words(hidden.DeclaredAccessibility) + " and '" + notPartial.Name + "' is not partial",
            "declare '" + notPartial.Name + "' and the types containing it partial, or make '" + hidden.Name + "' internal"));
    }

    private static bool IsReachable(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string Words(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not accessible",
    };
}
