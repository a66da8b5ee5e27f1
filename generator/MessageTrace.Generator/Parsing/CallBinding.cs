using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Generator.Parsing;

/// <summary>Binds a call to the method it invokes: the one semantic question every parser starts from.</summary>
internal static class CallBinding
{
    public static IMethodSymbol? Method(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        try
        {
            return model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // Bad code in, nothing out: a call the compiler cannot bind is no call the generator traces.
            return null;
        }
    }
}
