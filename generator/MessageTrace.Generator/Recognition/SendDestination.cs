using System.Linq;
using System.Threading;
using MessageTrace.Generator.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Generator.Recognition;

/// <summary>
/// Best effort: the destination of a send when it is a constant visible in the same member, for MT0001's
/// message and the AsyncAPI document. The send
/// recipe's destination says where to look (an argument, or a property of the message argument), and the catalogue's destination setters cover builders
/// (<c>new Message.Builder().SetTopic("orders")...Build()</c>), inline or through locals.
/// </summary>
internal static class SendDestination
{
    private const int MaxDepth = 4;

    public static string? Find(IInvocationOperation invocation, SendRecipe recipe, CancellationToken cancellationToken)
    {
        if (recipe.Destination is null && recipe.FirstNonEmptyDestination.Count > 0)
        {
            return FirstNonEmpty(invocation, recipe, cancellationToken);
        }

        if (recipe.Destination is not { Kind: CallArgumentKind.Parameter } source
            || Argument(invocation, source.Parameter) is not { } argument)
        {
            return null;
        }

        string? destination = source.Member is { } property
            ? FromMessage(argument, property, 0, cancellationToken)
            : Constant(argument, 0, cancellationToken);
        return string.IsNullOrWhiteSpace(destination) ? null : destination;
    }

    /// <summary>
    /// RabbitMQ's rule: the first of the candidate arguments that is not empty (the exchange, else the routing
    /// key that names a queue through the default exchange); unknown as soon as a candidate is not a constant.
    /// </summary>
    private static string? FirstNonEmpty(IInvocationOperation invocation, SendRecipe recipe, CancellationToken cancellationToken)
    {
        foreach (var candidate in recipe.FirstNonEmptyDestination)
        {
            if (candidate is not { Kind: CallArgumentKind.Parameter, Member: null }
                || Constant(Argument(invocation, candidate.Parameter), 0, cancellationToken) is not { } value)
            {
                return null;
            }

            if (value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The argument for parameter <c>p{index}</c> as interceptors number them (an extension's receiver is not one, in either call form).</summary>
    private static IOperation? Argument(IInvocationOperation invocation, int index)
    {
        int ordinal = index + (invocation.TargetMethod.IsExtensionMethod ? 1 : 0);
        return invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value;
    }

    private static string? FromMessage(IOperation? value, string property, int depth, CancellationToken cancellationToken)
    {
        switch (Unwrap(value))
        {
            case IObjectCreationOperation creation:
                return FromInitializer(creation, property, depth, cancellationToken);
            case ILocalReferenceOperation local when depth < MaxDepth:
                return FromMessage(Initializer(local, cancellationToken), property, depth + 1, cancellationToken);
            case IInvocationOperation call:
                // A builder chain, read from the outermost call inwards: the last setter wins.
                for (IOperation? current = call; current is not null; current = Receiver(current))
                {
                    if (current is IInvocationOperation step)
                    {
                        if (DestinationSetters.Match(step.TargetMethod) is int parameter)
                        {
                            return Constant(step.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter)?.Value, depth, cancellationToken);
                        }

                        continue;
                    }

                    return depth < MaxDepth ? FromMessage(current, property, depth + 1, cancellationToken) : null;
                }

                return null;
            default:
                return null;
        }
    }

    private static string? FromInitializer(IObjectCreationOperation creation, string property, int depth, CancellationToken cancellationToken)
    {
        if (creation.Initializer is null)
        {
            return null;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && target.Property.Name == property)
            {
                return Constant(assignment.Value, depth, cancellationToken);
            }
        }

        return null;
    }

    private static IOperation? Receiver(IOperation operation) => operation switch
    {
        IInvocationOperation { Instance: { } instance } => Unwrap(instance),
        IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } call => Unwrap(call.Arguments[0].Value),
        _ => null,
    };

    private static string? Constant(IOperation? value, int depth, CancellationToken cancellationToken)
    {
        value = Unwrap(value);
        if (value?.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        // $"orders.{region}": the template, as the traced path derives it.
        if (value is IInterpolatedStringOperation { Syntax: InterpolatedStringExpressionSyntax interpolated } && DestinationTemplates.Template(interpolated) is { } template)
        {
            return template;
        }

        return value is ILocalReferenceOperation local && depth < MaxDepth
            ? Constant(Initializer(local, cancellationToken), depth + 1, cancellationToken)
            : null;
    }

    /// <summary>The initializer of a local that is assigned nowhere else in its block, or null.</summary>
    private static IOperation? Initializer(ILocalReferenceOperation reference, CancellationToken cancellationToken)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || reference.SemanticModel is not { } model
            || value.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        SyntaxNode? scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
        if (scope is null || IsWritten(scope, local.Name))
        {
            return null;
        }

        return model.GetOperation(value, cancellationToken);
    }

    private static bool IsWritten(SyntaxNode scope, string name)
    {
        foreach (var node in scope.DescendantNodes())
        {
            var written = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                _ => null,
            };
            if (written is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
