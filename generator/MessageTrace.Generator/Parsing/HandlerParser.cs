using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// Decides whether a <c>[TracedHandler]</c> method can be traced, for its declaration, its calls and its
/// listener registrations alike: a <see cref="HandlerModel"/>, or the problem that keeps it untraced.
/// </summary>
internal static class HandlerParser
{
    public static HandlerVerdict? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return context.TargetSymbol is IMethodSymbol method
                ? Parse(method, context.Attributes.FirstOrDefault(), context.SemanticModel.Compilation, cancellationToken)
                : null;
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return null;
        }
    }

    /// <param name="throughInterface">
    /// The handler is a listener callback that generated code calls through the listener interface (a
    /// registration): it need not be reachable by name, and a struct listener is already boxed.
    /// </param>
    public static HandlerVerdict Parse(IMethodSymbol method, AttributeData? attribute, Compilation compilation, CancellationToken cancellationToken, bool throughInterface = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
        {
            return Problem(Skips.InOtherAssembly(method));
        }

        if (TracedTargets.NothingToTrace(method, isHandler: true) is { } nothing)
        {
            return Problem(Skips.NotTraceable(method, nothing.Reason, nothing.Advice));
        }

        if (MessageParameters.Find(method) is not { } message)
        {
            return Problem(Skips.WithoutMessage(method));
        }

        if (!throughInterface && UnsupportedShape(method, message.Arity) is { } unsupported)
        {
            return Problem(Skips.Unreachable(method, unsupported.Reason, unsupported.Advice));
        }

        var signature = Signatures.From(method);
        if (signature.TypeParameters.GroupBy(static name => name).FirstOrDefault(static names => names.Count() > 1) is { } shadowed)
        {
            return Problem(Skips.ShadowedTypeParameters(method, shadowed.Key));
        }

        var (access, unreachable) = HandlerReach.Of(method, cancellationToken);
        if (unreachable is not null)
        {
            if (!throughInterface)
            {
                return Problem(unreachable);
            }

            access = HandlerAccess.Unreachable;
        }

        var containing = new List<TypeDeclaration>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            containing.Insert(0, new TypeDeclaration(Keyword(type), type.Name + TypeParameterList(type)));
        }

        return new HandlerVerdict(
            new HandlerModel(
                Key: method.OriginalDefinition.GetDocumentationCommentId() ?? method.ToDisplayString(),
                Message: message.Shape,
                Signature: signature,
                MessageParameter: message.Index,
                Arity: message.Arity,
                Access: access,
                Namespace: method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
                ContainingTypes: containing.ToEquatableArray(),
                IsStatic: method.IsStatic,
                MethodArity: method.TypeParameters.Length,
                AdapterType: AdapterType(method.Parameters[message.Index].Type, message.Arity, message.Shape),
                Options: TracedScopes.Merge(attribute, TracedScopes.FindDefaults(compilation)),
                ReceiverRefKind: method.IsStatic || !method.ContainingType.IsValueType ? string.Empty : method.IsReadOnly ? "in " : "ref ",
                ReceiverByRef: MutatesItsStruct(method)),
            Problem: null);
    }

    private static HandlerVerdict Problem(HandlerProblem problem) => new(Model: null, problem);

    /// <summary>
    /// Whether the handler runs on its struct receiver itself and may change it: a synchronous instance
    /// method of a mutable struct. (A read-only one cannot change it; an async one runs on a copy anyway.)
    /// </summary>
    private static bool MutatesItsStruct(IMethodSymbol method) =>
        !method.IsStatic && method.ContainingType.IsValueType && !method.IsReadOnly && !method.IsAsync;

    /// <summary>
    /// Why generated code cannot call <paramref name="method"/> through the runtime, or null when it can: a
    /// ref or out argument cannot travel through the runtime's value-tuple arguments, and a synchronous
    /// batch handler of a mutable struct has no by-reference entry point. Returns a reason completing
    /// "because …" and an advice, for the diagnostic that reports the call.
    /// </summary>
    public static (string Reason, string Advice)? UnsupportedShape(IMethodSymbol method, MessageArity arity)
    {
        if (!method.IsStatic && method.ContainingType.IsRefLikeType)
        {
            return ("it is an instance method of ref struct '" + method.ContainingType.Name + "', which cannot be a type argument of the tracing runtime", "make it static (taking what it needs as parameters), or move it to a class or struct");
        }

        if (arity == MessageArity.Batch && MutatesItsStruct(method))
        {
            return ("it is a synchronous batch handler of mutable struct '" + method.ContainingType.Name + "', which the tracing wrapper can only call on a copy", "mark the method (or the struct) readonly, make it static (taking the struct as a parameter), or move it to a class");
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
