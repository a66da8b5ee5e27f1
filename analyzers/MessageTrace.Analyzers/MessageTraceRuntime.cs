using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Analyzers;

/// <summary>Facts about the MessageTrace runtime as the compilation sees it.</summary>
internal static class MessageTraceRuntime
{
    /// <summary>
    /// Whether the compilation can use the attributes at all. Every analyzer checks this once per
    /// compilation and registers nothing otherwise, so projects without MessageTrace pay nothing.
    /// </summary>
    public static bool IsReferenced(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownNames.TracedProducerAttribute) is not null
        || compilation.GetTypeByMetadataName(KnownNames.TracedHandlerAttribute) is not null;

    /// <summary>The short name users write (<c>TracedProducer</c> for <c>MessageTrace.TracedProducerAttribute</c>).</summary>
    public static string ShortName(string attributeMetadataName)
    {
        int dot = attributeMetadataName.LastIndexOf('.');
        string name = attributeMetadataName.Substring(dot + 1);
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}
