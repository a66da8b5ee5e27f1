using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Recognition;

/// <summary>Names of symbols in the forms the catalogue and the emitted code use.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat s_metadataFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    /// <summary>The fully qualified, <c>global::</c>-prefixed name with nullable annotations, for emitted code.</summary>
    public static readonly SymbolDisplayFormat Emit = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// <c>Namespace.Outer+Inner</c> for a named type, <c>!0</c>-style for a type parameter: the form the
    /// catalogue uses, independent of type arguments.
    /// </summary>
    public static string Metadata(ITypeSymbol type)
    {
        if (type is ITypeParameterSymbol parameter)
        {
            return "!" + parameter.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type is INamedTypeSymbol { ContainingType: { } containing } named)
        {
            return Metadata(containing) + "+" + named.Name;
        }

        if (type.SpecialType != SpecialType.None || type is INamedTypeSymbol)
        {
            return type.OriginalDefinition.ToDisplayString(s_metadataFormat);
        }

        return type.ToDisplayString(s_metadataFormat);
    }

    /// <summary>
    /// Whether namespace <paramref name="name"/> is <paramref name="root"/> or nested in it (<c>NATS.Client.Core</c>
    /// in <c>NATS.Client</c>, not <c>NATS.ClientExtras</c>), without building a string.
    /// </summary>
    public static bool IsWithinNamespace(string name, string root) =>
        name.StartsWith(root, System.StringComparison.Ordinal)
        && (name.Length == root.Length || name[root.Length] == '.');

    /// <summary>Whether namespace <paramref name="name"/> is within one of <paramref name="roots"/>.</summary>
    public static bool IsWithinAnyNamespace(string name, System.Collections.Immutable.ImmutableArray<string> roots)
    {
        foreach (var root in roots)
        {
            if (IsWithinNamespace(name, root))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Org.Apache.Rocketmq</c> for the catalogue's <c>Org.Apache.Rocketmq.PushConsumer+Builder</c>.</summary>
    public static string NamespaceOf(string metadataName)
    {
        int nested = metadataName.IndexOf('+');
        string outer = nested < 0 ? metadataName : metadataName.Substring(0, nested);
        int dot = outer.LastIndexOf('.');
        return dot < 0 ? string.Empty : outer.Substring(0, dot);
    }
}
