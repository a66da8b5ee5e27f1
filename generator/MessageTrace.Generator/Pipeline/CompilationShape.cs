using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Pipeline;

/// <summary>
/// Everything outside a file that decides what the calls in it bind to: the declaration shape of every
/// file (<see cref="DeclarationShape"/>), the references and the compilation options. Two compilations
/// with equal shapes bind each unchanged file's calls alike, so its models need not be computed again.
/// </summary>
/// <remarks>
/// References are compared by identity through weak references: the pipeline keeps this value between
/// runs, and holding a reference strongly would root a replaced assembly (or, in the IDE, another
/// project's compilation). A reference that has been collected was replaced, so it compares unequal.
/// </remarks>
internal sealed class CompilationShape : IEquatable<CompilationShape>
{
    private readonly EquatableArray<ulong> _declarations;
    private readonly ImmutableArray<WeakReference<MetadataReference>> _references;
    private readonly CompilationOptions _options;
    private readonly string? _assemblyName;

    public CompilationShape(EquatableArray<ulong> declarations, Compilation compilation)
    {
        _declarations = declarations;
        var references = ImmutableArray.CreateBuilder<WeakReference<MetadataReference>>();
        foreach (var reference in compilation.References)
        {
            references.Add(new WeakReference<MetadataReference>(reference));
        }

        _references = references.ToImmutable();
        _options = compilation.Options;
        _assemblyName = compilation.AssemblyName;
    }

    public bool Equals(CompilationShape? other) =>
        other is not null
        && _declarations.Equals(other._declarations)
        && string.Equals(_assemblyName, other._assemblyName, StringComparison.Ordinal)
        && _options.Equals(other._options)
        && SameReferences(_references, other._references);

    public override bool Equals(object? obj) => Equals(obj as CompilationShape);

    public override int GetHashCode() => _declarations.GetHashCode();

    private static bool SameReferences(ImmutableArray<WeakReference<MetadataReference>> left, ImmutableArray<WeakReference<MetadataReference>> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (!left[i].TryGetTarget(out var a) || !right[i].TryGetTarget(out var b) || !ReferenceEquals(a, b))
            {
                return false;
            }
        }

        return true;
    }
}
