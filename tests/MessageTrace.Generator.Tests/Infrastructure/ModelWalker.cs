using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Tests.Infrastructure;

/// <summary>
/// Walks an object graph through every field and collection element and reports any Roslyn object
/// that must not live in a pipeline model: such objects pin compilations and break caching.
/// </summary>
internal static class ModelWalker
{
    private static readonly Type[] s_forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTree), typeof(Location),
        typeof(Compilation), typeof(SemanticModel), typeof(AttributeData),
    ];

    public static IReadOnlyList<string> FindForbidden(object? root)
    {
        var problems = new List<string>();
        Walk(root, "model", new HashSet<object>(ReferenceEqualityComparer.Instance), problems);
        return problems;
    }

    private static void Walk(object? value, string path, HashSet<object> seen, List<string> problems)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum)
        {
            return;
        }

        var type = value.GetType();
        if (s_forbidden.Any(f => f.IsAssignableFrom(type)))
        {
            problems.Add($"{path}: {type.FullName}");
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable enumerable)
        {
            int index = 0;
            foreach (var item in enumerable)
            {
                Walk(item, $"{path}[{index++}]", seen, problems);
            }

            if (!type.IsValueType || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                return;
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", seen, problems);
        }
    }
}
