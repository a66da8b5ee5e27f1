using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.CodeFixes;

/// <summary>
/// Rewrites a method group as a lambda that calls the method (<c>billing.Consume</c> becomes
/// <c>messageView =&gt; billing.Consume(messageView)</c>), so the call is an invocation an interceptor
/// can replace. Only where the two behave the same: no ref parameters or returns, a receiver that is
/// evaluated to the same object whenever the lambda runs (none, <c>this</c>, a type, a local, a
/// parameter or a readonly field of a class), and type arguments the call can infer again.
/// </summary>
internal static class LambdaWrapper
{
    public static ExpressionSyntax? Rewrite(SemanticModel model, ExpressionSyntax methodGroup, CancellationToken cancellationToken)
    {
        if (model.GetOperation(methodGroup, cancellationToken) is not IMethodReferenceOperation { Parent: IDelegateCreationOperation creation } reference
            || creation.Type is not INamedTypeSymbol { DelegateInvokeMethod: { } invoke }
            || invoke.ReturnsByRef
            || invoke.ReturnsByRefReadonly
            || invoke.Parameters.Any(static p => p.RefKind != RefKind.None)
            || !StableReceiver(reference.Instance)
            || (reference.Method.IsGenericMethod && Name(methodGroup) is not GenericNameSyntax))
        {
            return null;
        }

        var names = ParameterNames(reference.Method, invoke, methodGroup);
        string arguments = string.Join(", ", names);
        string call = methodGroup.WithoutTrivia().ToString() + "(" + arguments + ")";
        string parameters;
        if (NeedsExplicitTypes(creation, methodGroup))
        {
            int position = methodGroup.SpanStart;
            parameters = "(" + string.Join(", ", invoke.Parameters.Select((p, i) => p.Type.ToMinimalDisplayString(model, position) + " " + names[i])) + ")";
        }
        else
        {
            parameters = names.Count == 1 ? names[0] : "(" + arguments + ")";
        }

        return SyntaxFactory.ParseExpression(parameters + " => " + call).WithTriviaFrom(methodGroup);
    }

    private static SimpleNameSyntax? Name(ExpressionSyntax methodGroup) => methodGroup switch
    {
        MemberAccessExpressionSyntax member => member.Name,
        SimpleNameSyntax simple => simple,
        _ => null,
    };

    private static bool StableReceiver(IOperation? instance) => instance switch
    {
        null => true,
        IInstanceReferenceOperation => true,
        ILocalReferenceOperation { Local.RefKind: RefKind.None } local => IsClass(local.Type),
        IParameterReferenceOperation { Parameter.RefKind: RefKind.None } parameter => IsClass(parameter.Type),
        IFieldReferenceOperation { Field.IsReadOnly: true, Instance: null or IInstanceReferenceOperation } field => IsClass(field.Type),
        _ => false,
    };

    private static bool IsClass(ITypeSymbol? type) => type is { IsReferenceType: true };

    /// <summary>A delegate's natural type (<c>var</c>) or a conversion to <c>Delegate</c> gives the lambda no parameter types to infer.</summary>
    private static bool NeedsExplicitTypes(IDelegateCreationOperation creation, ExpressionSyntax methodGroup) =>
        creation.Parent is IConversionOperation
        || methodGroup.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } };

    /// <summary>The method's own parameter names, made distinct from the identifiers the call repeats.</summary>
    private static List<string> ParameterNames(IMethodSymbol method, IMethodSymbol invoke, ExpressionSyntax methodGroup)
    {
        var taken = new HashSet<string>(methodGroup.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(static i => i.Identifier.ValueText), System.StringComparer.Ordinal);
        var names = new List<string>();
        for (int i = 0; i < invoke.Parameters.Length; i++)
        {
            string name = i < method.Parameters.Length ? method.Parameters[i].Name : invoke.Parameters[i].Name;
            string candidate = name;
            for (int suffix = 2; taken.Contains(candidate); suffix++)
            {
                candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(candidate);
            names.Add(SyntaxFacts.GetKeywordKind(candidate) != SyntaxKind.None ? "@" + candidate : candidate);
        }

        return names;
    }
}
