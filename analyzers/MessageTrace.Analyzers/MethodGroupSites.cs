using MessageTrace.Generator;
using MessageTrace.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>The generator's verdict on a method group, for the method groups that are a use of the method.</summary>
internal static class MethodGroupSites
{
    /// <summary>Why the method group escapes tracing, or null when it is no send or traced handler, or only named (<c>nameof</c>).</summary>
    public static NotTraced? Classify(IMethodReferenceOperation reference, System.Threading.CancellationToken cancellationToken) =>
        IsInNameOf(reference) ? null : MethodGroupParser.Classify(reference.Method, cancellationToken);

    private static bool IsInNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }
}
