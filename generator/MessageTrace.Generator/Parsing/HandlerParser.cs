using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Turns a <c>[TracedHandler]</c> method into a <see cref="HandlerModel"/>.</summary>
internal static class HandlerParser
{
    public static HandlerModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return context.TargetSymbol is IMethodSymbol method
                ? Parse(method, context.Attributes.FirstOrDefault(), TracedScopes.FindDefaults(context.SemanticModel.Compilation), cancellationToken)
                : null;
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return null;
        }
    }

    public static HandlerModel? Parse(IMethodSymbol method, AttributeData? attribute, AttributeData? defaults, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (method.IsAbstract || method.IsExtern || method.MethodKind != MethodKind.Ordinary || method.IsPartialDefinition && method.PartialImplementationPart is null)
        {
            return null;
        }

        if (MessageParameters.Find(method) is not { } message)
        {
            return null;
        }

        if (UnsupportedShape(method) is not null)
        {
            return null;
        }

        var signature = Signatures.From(method);
        if (signature.TypeParameters.Distinct().Count() != signature.TypeParameters.Count)
        {
            // An interceptor declares all type parameters side by side; shadowed names cannot be.
            return null;
        }

        var containing = new List<TypeDeclaration>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            containing.Insert(0, new TypeDeclaration(Keyword(type), type.Name + TypeParameterList(type)));
        }

        return new HandlerModel(
            Key: method.OriginalDefinition.GetDocumentationCommentId() ?? method.ToDisplayString(),
            Message: message.Shape,
            Signature: signature,
            MessageParameter: message.Index,
            Arity: message.Arity,
            Access: AccessOf(method, cancellationToken),
            Namespace: method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            ContainingTypes: containing.ToEquatableArray(),
            IsStatic: method.IsStatic,
            MethodArity: method.TypeParameters.Length,
            AdapterType: AdapterType(method.Parameters[message.Index].Type, message.Arity, message.Shape),
            Options: TracedScopes.Merge(attribute, defaults));
    }

    /// <summary>
    /// Why generated code cannot call <paramref name="method"/> through the runtime, or null when it can: the
    /// runtime calls a handler through a static lambda, so a struct receiver would be copied (losing what
    /// the handler changes in it) and a ref or out argument cannot travel. Returns a reason completing
    /// "because …" and an advice, for the diagnostic that reports the call.
    /// </summary>
    public static (string Reason, string Advice)? UnsupportedShape(IMethodSymbol method)
    {
        if (!method.IsStatic && method.ContainingType is { IsValueType: true } type)
        {
            return ("it is an instance method of struct '" + type.Name + "', which the tracing wrapper would copy", "make it static (taking the struct as a parameter) or move it to a class");
        }

        if (method.Parameters.FirstOrDefault(static p => p.RefKind is RefKind.Ref or RefKind.Out) is { } parameter)
        {
            return ("its parameter '" + parameter.Name + "' is passed by " + (parameter.RefKind == RefKind.Ref ? "ref" : "out"), "return the value instead, or pass it in a reference type");
        }

        return null;
    }

    /// <summary>
    /// The incoming adapter as the interceptor names it: a generic message type (NATS <c>NatsMsg&lt;T&gt;</c>)
    /// has an adapter taking the same type arguments.
    /// </summary>
    public static string AdapterType(ITypeSymbol parameterType, MessageArity arity, Profiles.IncomingMessageShape shape)
    {
        var messageType = arity == MessageArity.Batch ? MessageParameters.ElementType(parameterType) : parameterType;
        return shape.GenericArity > 0 && messageType is INamedTypeSymbol { IsGenericType: true } generic
            ? shape.Adapter.Name + "<" + string.Join(", ", generic.TypeArguments.Select(static t => t.ToDisplayString(SymbolNames.Emit))) + ">"
            : shape.Adapter.Name;
    }

    private static HandlerAccess AccessOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        bool direct = IsReachable(method.DeclaredAccessibility);
        bool allPartial = true;
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsFileLocal)
            {
                return HandlerAccess.Unreachable;
            }

            direct &= IsReachable(type.DeclaredAccessibility);
            allPartial &= type.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
        }

        if (direct)
        {
            return HandlerAccess.Direct;
        }

        return allPartial ? HandlerAccess.Bridge : HandlerAccess.Unreachable;
    }

    private static bool IsReachable(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (false, TypeKind.Struct) => "struct",
        (false, TypeKind.Interface) => "interface",
        _ => "class",
    };

    private static string TypeParameterList(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(static t => t.Name)) + ">";
}
