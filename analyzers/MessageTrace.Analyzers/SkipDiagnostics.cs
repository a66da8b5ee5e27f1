using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MessageTrace.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageTrace.Analyzers;

/// <summary>
/// The one mapping from a "not traced" verdict to its diagnostic. Every reason belongs to exactly one
/// rule, and each analyzer reports only the verdicts of its own rules, so a call is reported once.
/// </summary>
internal static class SkipDiagnostics
{
    /// <summary>The diagnostic property naming the <see cref="SkipReason"/>, for tools and tests.</summary>
    public const string ReasonKey = "MessageTrace.Reason";

    public static DiagnosticDescriptor DescriptorFor(NotTraced skip) => (SkipDiagnosticIds.Of(skip), skip.Reason) switch
    {
        ("MT0001", SkipReason.UsedAsDelegate) => Descriptors.SendUsedAsDelegate,
        ("MT0001", _) => Descriptors.UntracedSend,
        ("MT0002", SkipReason.UsedAsDelegate) => Descriptors.HandlerUsedAsDelegate,
        ("MT0002", SkipReason.ListenerTypeHidesHandler) => Descriptors.ListenerTypeHidesHandler,
        ("MT0002", _) => Descriptors.HandlerUnreachable,
        _ => Descriptors.UntracedCall,
    };

    /// <summary>The diagnostic for <paramref name="skip"/>; <paramref name="extra"/> completes MT0001's message with the destination.</summary>
    public static Diagnostic Create(NotTraced skip, Location location, string? extra = null)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(ReasonKey, skip.Reason.ToString());
        string? fix = skip.Fix switch
        {
            FixKind.AddTracedProducer => FixKinds.AddTracedProducer,
            FixKind.WrapInLambda => FixKinds.WrapInLambda,
            _ => null,
        };
        if (fix is not null)
        {
            properties = properties.Add(FixKinds.Key, fix);
        }

        var arguments = skip.Arguments.Cast<object>();
        return Diagnostic.Create(DescriptorFor(skip), location, properties, (extra is null ? arguments : arguments.Append(extra)).ToArray());
    }

    /// <summary>A call another interceptor already replaces is that interceptor's business, not a gap.</summary>
    public static bool InterceptedElsewhere(CallSite site, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetInterceptorMethod(site.Syntax, cancellationToken) is not null;
}
