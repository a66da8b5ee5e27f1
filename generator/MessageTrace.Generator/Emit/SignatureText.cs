using System.Linq;

namespace MessageTrace.Generator.Emit;

/// <summary>The pieces of an intercepted method's signature as they appear in emitted code.</summary>
internal static class SignatureText
{
    public static string TypeParameters(CallSignature signature) =>
        signature.TypeParameters.Count == 0 ? string.Empty : "<" + string.Join(", ", signature.TypeParameters) + ">";

    public static string Parameters(CallSignature signature) =>
        string.Join(", ", signature.Parameters.Select(static p => p.RefKind + p.Type + " " + p.Name));

    public static string Arguments(CallSignature signature) =>
        string.Join(", ", signature.Parameters.Select(static p => p.RefKind + p.Name));

    public static void WriteConstraints(SourceWriter writer, CallSignature signature)
    {
        foreach (var constraint in signature.Constraints)
        {
            writer.Line("    " + constraint);
        }
    }
}
