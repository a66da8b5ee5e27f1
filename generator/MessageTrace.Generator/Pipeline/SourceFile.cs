using System;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Pipeline;

/// <summary>
/// One file of the compilation, as the bind step needs it. It compares equal to the previous run's value
/// while the file is the same tree and the compilation around it has the same shape, so the driver skips
/// the bind step for it: an edit re-binds the edited file only, unless it changed a declaration.
/// </summary>
/// <remarks>
/// This is the one pipeline value that reaches a compilation, and only weakly: the driver keeps the
/// previous value when a new one compares equal, and a strong reference would root an old compilation
/// for as long as the file stays unchanged. The bind step runs only on a value made in the current run,
/// whose compilation the driver holds while it runs, so the target is always there when it is read.
/// </remarks>
internal sealed class SourceFile : IEquatable<SourceFile>
{
    private readonly WeakReference<Compilation> _compilation;

    public SourceFile(SyntaxTree tree, CompilationShape shape, Compilation compilation)
    {
        Tree = tree;
        Shape = shape;
        _compilation = new WeakReference<Compilation>(compilation);
    }

    public SyntaxTree Tree { get; }

    public CompilationShape Shape { get; }

    public Compilation? Compilation => _compilation.TryGetTarget(out var compilation) ? compilation : null;

    public bool Equals(SourceFile? other) => other is not null && ReferenceEquals(Tree, other.Tree) && Shape.Equals(other.Shape);

    public override bool Equals(object? obj) => Equals(obj as SourceFile);

    public override int GetHashCode() => Tree.GetHashCode();
}
