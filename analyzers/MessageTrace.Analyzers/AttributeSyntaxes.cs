using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Analyzers;

/// <summary>Where an attribute, or one of its named arguments, is written.</summary>
internal static class AttributeSyntaxes
{
    public static AttributeSyntax? Of(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    public static Location? Location(AttributeData attribute, CancellationToken cancellationToken) =>
        Of(attribute, cancellationToken)?.GetLocation();

    public static AttributeArgumentSyntax? NamedArgument(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (Of(attribute, cancellationToken)?.ArgumentList is not { } arguments)
        {
            return null;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The value of a named argument as written, or null when it is not set.</summary>
    public static TypedConstant? NamedValue(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
