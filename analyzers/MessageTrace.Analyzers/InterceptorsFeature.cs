using System;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageTrace.Analyzers;

/// <summary>
/// Reads the compiler's interceptor opt-in: the <c>InterceptorsNamespaces</c> feature (legacy spelling
/// <c>InterceptorsPreviewNamespaces</c>), a semicolon-separated list set from the MSBuild property of
/// the same name. As in the compiler, a listed namespace also admits the namespaces nested in it, and
/// <c>global</c> admits every namespace.
/// </summary>
internal static class InterceptorsFeature
{
    private static readonly string[] s_keys = { "InterceptorsNamespaces", "InterceptorsPreviewNamespaces" };

    public static bool Admits(CSharpParseOptions options, string @namespace)
    {
        foreach (var key in s_keys)
        {
            if (!options.Features.TryGetValue(key, out var value) || value is null)
            {
                continue;
            }

            foreach (var entry in value.Split(';'))
            {
                string listed = entry.Trim();
                if (listed.Length > 0 && Covers(listed, @namespace))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Covers(string listed, string @namespace) =>
        listed == "global"
        || listed == @namespace
        || @namespace.StartsWith(listed + ".", StringComparison.Ordinal);
}
