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

        var span = invocation.GetLocation().GetLineSpan();
        string display = Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")";
        return new InterceptLocation(location.Version, location.Data, display);
#pragma warning restore RSEXPERIMENTAL002
    }
}
