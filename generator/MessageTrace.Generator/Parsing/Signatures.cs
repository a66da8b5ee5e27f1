using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Parsing;

/// <summary>Turns a called method into the <see cref="CallSignature"/> an interceptor repeats.</summary>
internal static class Signatures
{
    /// <summary>The signature of a declared method (a handler), or of a call as <see cref="OfCall"/> says, but an extension called in static form keeps its first parameter.</summary>
    public static CallSignature From(IMethodSymbol method) => From(method, receiverIsFirstParameter: method.ReducedFrom is not null);

    /// <summary>
    /// The signature an interceptor of a call repeats: an extension method's 'this' parameter is its receiver
    /// whether the call is written <c>channel.BasicPublishAsync(...)</c> or
    /// <c>IChannelExtensions.BasicPublishAsync(channel, ...)</c>, so recipes number the parameters after it the
    /// same way in both (an extension interceptor intercepts both forms).
    /// </summary>
    public static CallSignature OfCall(IMethodSymbol method) => From(method, receiverIsFirstParameter: method.IsExtensionMethod);

    private static CallSignature From(IMethodSymbol method, bool receiverIsFirstParameter)
    {
        var definition = method.ReducedFrom ?? method;
        var original = definition.OriginalDefinition;
        var parameters = new List<ParameterInfo>();
        string? receiver = null;
        var source = original.Parameters.AsEnumerable();
        if (receiverIsFirstParameter)
        {
            // An extension: its 'this' parameter is the receiver.
            receiver = original.Parameters[0].Type.ToDisplayString(SymbolNames.Emit);
            source = source.Skip(1);
        }
        else if (!original.IsStatic)
        {
            receiver = original.ContainingType.ToDisplayString(SymbolNames.Emit);
        }

        int index = 0;
        foreach (var parameter in source)
        {
            parameters.Add(new ParameterInfo(
                parameter.Type.ToDisplayString(SymbolNames.Emit),
                "p" + index++,
                RefKindText(parameter.RefKind)));
        }

        var typeParameters = new List<string>();
        if (method.ReducedFrom is null)
        {
            AddContainingTypeParameters(original.ContainingType, typeParameters);
        }

        typeParameters.AddRange(original.TypeParameters.Select(static t => t.Name));

        var (shape, awaited) = Classify(original.ReturnType, original.ReturnsVoid);
        return new CallSignature(
            original.Name,
            original.ContainingType.ToDisplayString(SymbolNames.Emit),
            method.ReducedFrom is not null || original.IsExtensionMethod,
            receiver,
            original.ReturnsVoid ? "void" : original.ReturnType.ToDisplayString(SymbolNames.Emit),
            awaited,
            shape,
            parameters.ToEquatableArray(),
            typeParameters.ToEquatableArray(),
            Constraints(original).ToEquatableArray())
        {
            ReceiverRefKind = receiverIsFirstParameter ? string.Empty : ReceiverRefKind(original),
        };
    }

    /// <summary><c>"in "</c> or <c>"ref "</c> for an instance method of a struct (see <see cref="CallSignature.ReceiverRefKind"/>).</summary>
    private static string ReceiverRefKind(IMethodSymbol method) =>
        method.IsStatic || !method.ContainingType.IsValueType ? string.Empty : method.IsReadOnly ? "in " : "ref ";

    /// <summary>
    /// The signature of <paramref name="method"/> exactly as called, its containing type's type arguments
    /// written in: for a call whose type arguments <see cref="ClosedTypeArguments"/> can name, so its
    /// interceptor is not generic.
    /// </summary>
    public static CallSignature Closed(IMethodSymbol method)
    {
        var parameters = new List<ParameterInfo>();
        int index = 0;
        foreach (var parameter in method.Parameters)
        {
            parameters.Add(new ParameterInfo(parameter.Type.ToDisplayString(SymbolNames.Emit), "p" + index++, RefKindText(parameter.RefKind)));
        }

        var (shape, awaited) = Classify(method.ReturnType, method.ReturnsVoid);
        return new CallSignature(
            method.Name,
            method.ContainingType.ToDisplayString(SymbolNames.Emit),
            method.IsExtensionMethod,
            method.IsStatic ? null : method.ContainingType.ToDisplayString(SymbolNames.Emit),
            method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(SymbolNames.Emit),
            awaited,
            shape,
            parameters.ToEquatableArray(),
            EquatableArray<string>.Empty,
            EquatableArray<string>.Empty)
        {
            ReceiverRefKind = method.IsExtensionMethod ? string.Empty : ReceiverRefKind(method),
        };
    }

    public static (ReturnShape Shape, string? Awaited) Classify(ITypeSymbol returnType, bool returnsVoid)
    {
        if (returnsVoid)
        {
            return (ReturnShape.Void, null);
        }

        if (returnType is INamedTypeSymbol named && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
        {
            switch (named.MetadataName)
            {
                case "Task":
                    return (ReturnShape.Task, null);
                case "ValueTask":
                    return (ReturnShape.ValueTask, null);
                case "Task`1":
                    return (ReturnShape.TaskOfT, named.TypeArguments[0].ToDisplayString(SymbolNames.Emit));
                case "ValueTask`1":
                    return (ReturnShape.ValueTaskOfT, named.TypeArguments[0].ToDisplayString(SymbolNames.Emit));
            }
        }

        return (ReturnShape.Value, returnType.ToDisplayString(SymbolNames.Emit));
    }

    public static string RefKindText(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => string.Empty,
    };

    private static void AddContainingTypeParameters(INamedTypeSymbol? type, List<string> into)
    {
        if (type is null)
        {
            return;
        }

        AddContainingTypeParameters(type.ContainingType, into);
        into.AddRange(type.TypeParameters.Select(static t => t.Name));
    }

    private static IEnumerable<string> Constraints(IMethodSymbol method)
    {
        var all = new List<ITypeParameterSymbol>();
        var chain = new List<INamedTypeSymbol>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            chain.Insert(0, type);
        }

        foreach (var type in chain)
        {
            all.AddRange(type.TypeParameters);
        }

        all.AddRange(method.TypeParameters);
        foreach (var parameter in all)
        {
            var parts = new List<string>();
            if (parameter.HasReferenceTypeConstraint)
            {
                parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }

            if (parameter.HasUnmanagedTypeConstraint)
            {
                parts.Add("unmanaged");
            }
            else if (parameter.HasValueTypeConstraint)
            {
                parts.Add("struct");
            }

            if (parameter.HasNotNullConstraint)
            {
                parts.Add("notnull");
            }

            parts.AddRange(parameter.ConstraintTypes.Select(static t => t.ToDisplayString(SymbolNames.Emit)));
            if (parameter.HasConstructorConstraint && !parameter.HasValueTypeConstraint)
            {
                parts.Add("new()");
            }

            if (parts.Count > 0)
            {
                yield return "where " + parameter.Name + " : " + string.Join(", ", parts);
            }
        }
    }
}
