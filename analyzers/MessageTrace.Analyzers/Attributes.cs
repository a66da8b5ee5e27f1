using Microsoft.CodeAnalysis;

namespace MessageTrace.Analyzers;

/// <summary>Allocation-free attribute presence checks for hot paths, before the shared helpers read the attribute.</summary>
internal static class Attributes
{
    public static bool Has(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }
}
