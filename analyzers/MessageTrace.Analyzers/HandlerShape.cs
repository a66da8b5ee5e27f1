using System.Linq;
using MessageTrace.Generator;
using MessageTrace.Generator.Parsing;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Analyzers;

/// <summary>
/// What a [TracedHandler] method takes, read with the generator's own <see cref="MessageParameters"/>:
/// a catalogue message or batch, or a user-defined carrier marked [MessageHeaders].
/// </summary>
internal static class HandlerShape
{
    /// <summary>The message types a handler can take, by short name, for messages ("MessageView, …").</summary>
    public static string KnownMessageTypes { get; } = string.Join(
        ", ",
        BrokerCatalog.IncomingShapes()
            .Select(static s => ShortName(s.Shape.TypeName))
            .Distinct()
            .Concat(new[] { "or a collection of them" }));

    /// <summary>Whether the generator finds a message or carrier parameter.</summary>
    public static bool HasMessage(Microsoft.CodeAnalysis.IMethodSymbol method) => MessageParameters.Find(method) is not null;

    /// <summary>Whether the handler's message parameter is a batch.</summary>
    public static bool IsBatch(Microsoft.CodeAnalysis.IMethodSymbol method) =>
        MessageParameters.Find(method) is { } message && message.Arity == MessageArity.Batch;

    private static string ShortName(string metadataName)
    {
        int cut = metadataName.LastIndexOfAny(new[] { '.', '+' });
        return metadataName.Substring(cut + 1);
    }
}
