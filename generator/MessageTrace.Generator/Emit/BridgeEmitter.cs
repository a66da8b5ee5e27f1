using System.Linq;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Writes an internal bridge into the partial types around a private or protected handler, so the
/// interceptor, which lives outside those types, can call it.
/// </summary>
internal static class BridgeEmitter
{
    public static void Write(SourceWriter writer, HandlerModel handler)
    {
        bool hasNamespace = handler.Namespace.Length > 0;
        if (hasNamespace)
        {
            writer.Open("namespace " + handler.Namespace);
        }

        foreach (var type in handler.ContainingTypes)
        {
            writer.Open("partial " + type.Keyword + " " + type.Name);
        }

        var signature = handler.Signature;
        string typeParameters = MethodTypeArguments(handler);
        string parameters = SignatureText.Parameters(signature);
        string arguments = SignatureText.Arguments(signature);
        writer.Comment("Lets the generated interceptor reach a handler that is not accessible outside this type.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line($"internal {(handler.IsStatic ? "static " : string.Empty)}{signature.ReturnType} {StableNames.Bridge(handler)}{typeParameters}({parameters}) => {signature.MethodName}{typeParameters}({arguments});");
        foreach (var _ in handler.ContainingTypes)
        {
            writer.Close();
        }

        if (hasNamespace)
        {
            writer.Close();
        }

        writer.Line();
    }

    private static string MethodTypeArguments(HandlerModel handler)
    {
        var own = handler.Signature.TypeParameters.Skip(handler.Signature.TypeParameters.Count - handler.MethodArity).ToList();
        return own.Count == 0 ? string.Empty : "<" + string.Join(", ", own) + ">";
    }
}
