using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Snapshots interceptable locations into value models.</summary>
internal static class Locations
{
    public static InterceptLocation? Intercept(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
#pragma warning disable RSEXPERIMENTAL002 // The interceptable-location API is the documented way to intercept.
        var location = model.GetInterceptableLocation(invocation, cancellationToken);
        if (location is null)
        {
            return null;
        }

        // The comment names where the intercepted method's name is, as the location data does: in a builder
        // chain spread over lines, the call's own line rather than the line the chain starts on.
        var span = CalledName(invocation).GetLocation().GetLineSpan();
        string display = Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")";
        return new InterceptLocation(location.Version, location.Data, display);
#pragma warning restore RSEXPERIMENTAL002
    }

    private static SyntaxNode CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        _ => invocation.Expression,
    };
}
