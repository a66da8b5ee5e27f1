using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using MessageTrace.Generator;
using MessageTrace.Generator.Parsing;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MessageTrace.Analyzers;

/// <summary>
/// Whether generated code can call a [TracedHandler] method, decided by the generator's own
/// <see cref="HandlerParser"/> (never re-derived here), and, when it cannot, why and what to do.
/// One instance per compilation caches the answer per handler.
/// </summary>
internal sealed class HandlerReach
{
    private readonly Compilation _compilation;
    private readonly AttributeData? _defaults;
    private readonly ConcurrentDictionary<IMethodSymbol, Verdict> _verdicts = new(SymbolEqualityComparer.Default);

    public HandlerReach(Compilation compilation)
    {
        _compilation = compilation;
        _defaults = TracedScopes.FindDefaults(compilation);
    }

    /// <summary>Why generated code cannot call <paramref name="handler"/> and what to do, or null when it can (or when the handler is not valid at all, which MT0003 reports).</summary>
    public Verdict? Explain(IMethodSymbol handler, AttributeData attribute, CancellationToken cancellationToken)
    {
        var verdict = _verdicts.GetOrAdd(handler, h => Compute(h, attribute, cancellationToken));
        return verdict.Reason is null ? null : verdict;
    }

    private Verdict Compute(IMethodSymbol handler, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (!SymbolEqualityComparer.Default.Equals(handler.ContainingAssembly, _compilation.Assembly))
        {
            string assembly = handler.ContainingAssembly?.Name ?? "another assembly";
            return new Verdict(
                "it is declared in assembly '" + assembly + "' and interceptors only reach calls compiled together with the handler",
                "mark a method of this project with [TracedHandler] and call that, or make the call from '" + assembly + "'");
        }

        if (HandlerParser.UnsupportedShape(handler) is { } unsupported)
        {
            return new Verdict(unsupported.Reason, unsupported.Advice);
        }

        if (HandlerParser.Parse(handler, attribute, _defaults, cancellationToken) is not { Access: HandlerAccess.Unreachable })
        {
            return Verdict.Reachable;
        }

        for (var type = handler.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsFileLocal)
            {
                return new Verdict("it is declared in file-local type '" + type.Name + "'", "move it to a type that is not file-local");
            }
        }

        ISymbol hidden = handler;
        for (var type = handler.ContainingType; type is not null && IsReachable(hidden.DeclaredAccessibility); type = type.ContainingType)
        {
            hidden = type;
        }

        var notPartial = handler.ContainingType;
        for (var type = handler.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!IsPartial(type, cancellationToken))
            {
                notPartial = type;
                break;
            }
        }

        return new Verdict(
            "'" + hidden.Name + "' is " + Words(hidden.DeclaredAccessibility) + " and '" + notPartial.Name + "' is not partial",
            "declare '" + notPartial.Name + "' and the types containing it partial, or make '" + hidden.Name + "' internal");
    }

    private static bool IsReachable(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string Words(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not accessible",
    };

    /// <summary>A reason (completing "because …") and an advice, both null when the handler is reachable.</summary>
    internal sealed class Verdict
    {
        public static readonly Verdict Reachable = new(null, null);

        public Verdict(string? reason, string? advice)
        {
            Reason = reason;
            Advice = advice;
        }

        public string? Reason { get; }

        public string? Advice { get; }
    }
}
