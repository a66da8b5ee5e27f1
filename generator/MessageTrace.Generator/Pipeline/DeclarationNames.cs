using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Pipeline;

/// <summary>
/// The name a declaration is known by in source, read from syntax alone: what the attribute step records
/// for an attributed declaration and what the prefilter compares a call's enclosing declarations with.
/// </summary>
internal static class DeclarationNames
{
    public static string? Of(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax localFunction => localFunction.Identifier.ValueText,
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText,
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
        AccessorDeclarationSyntax { Parent.Parent: EventDeclarationSyntax @event } => @event.Identifier.ValueText,
        AccessorDeclarationSyntax { Parent.Parent: IndexerDeclarationSyntax } => "this",
        OperatorDeclarationSyntax @operator => @operator.OperatorToken.ValueText,
        ConversionOperatorDeclarationSyntax conversion => conversion.ImplicitOrExplicitKeyword.ValueText,
        _ => null,
    };
}
