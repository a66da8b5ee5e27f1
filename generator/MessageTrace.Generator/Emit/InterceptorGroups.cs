using System;
using System.Collections.Generic;
using System.Linq;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Call sites that share one interceptor (same operation, signature and options), in a stable order:
/// sites by location inside a group, groups by their first site.
/// </summary>
internal static class InterceptorGroups
{
    public static List<List<T>> Of<T, TKey>(IEnumerable<T> sites, Func<T, TKey> key, Func<T, InterceptLocation> location) => sites
        .GroupBy(key)
        .Select(g => g.OrderBy(s => location(s).Display, StringComparer.Ordinal).ThenBy(s => location(s).Data, StringComparer.Ordinal).ToList())
        .OrderBy(g => location(g[0]).Display, StringComparer.Ordinal)
        .ThenBy(g => location(g[0]).Data, StringComparer.Ordinal)
        .ToList();
}
