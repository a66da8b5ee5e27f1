namespace MessageTrace.Analyzers;

/// <summary>
/// The code fix a diagnostic offers, carried in its properties under <see cref="Key"/> so that the
/// code fix providers never re-derive what the analyzer already knew.
/// </summary>
internal static class FixKinds
{
    public const string Key = "MessageTrace.Fix";

    /// <summary>Add [TracedProducer] to the member around the send (MT0001).</summary>
    public const string AddTracedProducer = "AddTracedProducer";

    /// <summary>Replace a method group with a lambda that calls the method (MT0001, MT0002).</summary>
    public const string WrapInLambda = "WrapInLambda";

    /// <summary>Remove the attribute the diagnostic is on (MT0003).</summary>
    public const string RemoveAttribute = "RemoveAttribute";

    /// <summary>Remove the named attribute argument the diagnostic is on (MT0003).</summary>
    public const string RemoveArgument = "RemoveArgument";

    public static System.Collections.Immutable.ImmutableDictionary<string, string?> Of(string kind) =>
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(Key, kind);
}
