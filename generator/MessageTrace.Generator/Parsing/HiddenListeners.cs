using System.Threading;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// A registration whose argument's static type does not say which callback the client will call (an
/// interface, a type parameter, a class whose callback can be overridden): the generator cannot wrap a
/// traced listener it cannot see. That matters only when this project has a traced listener the
/// argument could be, which the verdict names as the example to pass instead.
/// </summary>
internal static class HiddenListeners
{
    public static NotTraced? Classify(SemanticModel model, IMethodSymbol registrationMethod, ExpressionSyntax argument, ListenerRegistration registration, CancellationToken cancellationToken)
    {
        var staticType = model.GetTypeInfo(argument, cancellationToken).Type;
        if (staticType is null || Reveals(staticType, registration))
        {
            return null;
        }

        foreach (var listener in TracedListeners.Of(model.Compilation, registration))
        {
            if (staticType is ITypeParameterSymbol || model.Compilation.ClassifyCommonConversion(listener.Type, staticType).IsImplicit)
            {
                return Skips.ListenerTypeHidesHandler(registrationMethod, staticType, registration.ListenerMethod, listener.Callback, listener.Type);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the static type pins down the callback that runs: a struct, a sealed class, or a class
    /// whose implementation of the callback cannot be overridden. Then an untraced callback is simply
    /// an untraced listener, not a traced one in disguise.
    /// </summary>
    private static bool Reveals(ITypeSymbol type, ListenerRegistration registration)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
        {
            return false;
        }

        if (named.IsSealed || named.TypeKind == TypeKind.Struct)
        {
            return true;
        }

        return ListenerCallbacks.Implementation(named, registration) is IMethodSymbol { IsVirtual: false, IsAbstract: false, IsOverride: false } or IMethodSymbol { IsSealed: true };
    }
}
