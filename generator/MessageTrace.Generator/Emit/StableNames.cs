using System.Globalization;

namespace MessageTrace.Generator.Emit;

/// <summary>Short, stable identifiers for generated members (FNV-1a of a key), the same on every machine.</summary>
internal static class StableNames
{
    public static string Hash(string key)
    {
        uint hash = 2166136261;
        foreach (char c in key)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    public static string Handler(HandlerModel handler) => handler.Signature.MethodName + "_" + Hash(handler.Key);

    public static string Bridge(HandlerModel handler) => "__MessageTrace_" + Handler(handler);
}
