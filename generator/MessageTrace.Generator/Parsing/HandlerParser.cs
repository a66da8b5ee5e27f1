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

    public static HandlerVerdict Parse(IMethodSymbol method, AttributeData? attribute, Compilation compilation, CancellationToken cancellationToken)
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

        var signature = Signatures.From(method);
        if (signature.TypeParameters.GroupBy(static name => name).FirstOrDefault(static names => names.Count() > 1) is { } shadowed)
        {
            return Problem(Skips.ShadowedTypeParameters(method, shadowed.Key));
        }

        var (access, unreachable) = HandlerReach.Of(method, cancellationToken);
        if (unreachable is not null)
        {
            return Problem(unreachable);
        }

        var (failureValue, failureType) = FindFailureResult(method, message.Profile);
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
                FailureValue: failureValue,
                FailureErrorType: failureType,
                Options: TracedScopes.Merge(attribute, TracedScopes.FindDefaults(compilation))),
            Problem: null);
    }

    private static HandlerVerdict Problem(HandlerProblem problem) => new(Model: null, problem);

    private static (string? Value, string? ErrorType) FindFailureResult(IMethodSymbol method, Profiles.BrokerProfile profile)
    {
        var (_, awaited) = Signatures.Classify(method.ReturnType, method.ReturnsVoid);
        var resultType = method.ReturnType is INamedTypeSymbol { IsGenericType: true } generic && awaited is not null && generic.TypeArguments.Length == 1
            ? generic.TypeArguments[0]
            : method.ReturnType;
        string name = SymbolNames.Metadata(resultType);
        foreach (var failure in profile.FailureResults)
        {
            if (failure.TypeName == name)
            {
                return (failure.ValueExpression, failure.ErrorType);
            }
        }

        return (null, null);
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
