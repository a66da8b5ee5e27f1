using Microsoft.CodeAnalysis;

namespace MessageTrace.Analyzers;

/// <summary>
/// Every diagnostic MessageTrace reports. IDs are product surface: each has a help page under
/// docs/diagnostics and an entry in AnalyzerReleases.Unshipped.md. A rule with several situations
/// has one descriptor per situation, all sharing the rule's ID, title, category and severity.
/// </summary>
internal static class Descriptors
{
    public const string Category = "MessageTrace";

    /// <summary>Where the help pages live; each rule's page is <c>{ID}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/messagetrace/messagetrace/blob/main/docs/diagnostics/";

    private const string UntracedSendTitle = "Broker send is not traced";
    private const string HandlerEscapesTitle = "Traced handler escapes tracing";
    private const string MisuseTitle = "MessageTrace attribute cannot take effect";

    /// <summary>MT0001: a send the catalogue knows, outside every traced producer scope.</summary>
    public static readonly DiagnosticDescriptor UntracedSend = new(
        "MT0001",
        UntracedSendTitle,
        "'{0}'{1} is not inside a [TracedProducer] scope, so it starts no send span and the message carries no trace context; add [TracedProducer] to the containing method or type",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0001.md");

    /// <summary>MT0001: a send method used as a delegate, which no interceptor can reach.</summary>
    public static readonly DiagnosticDescriptor SendUsedAsDelegate = new(
        "MT0001",
        UntracedSendTitle,
        "'{0}' is used as a delegate, and calls through a delegate cannot be intercepted, so these sends are never traced; call it directly, for example from a lambda, inside a [TracedProducer] scope",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0001.md");

    /// <summary>MT0002: a [TracedHandler] method used as a delegate.</summary>
    public static readonly DiagnosticDescriptor HandlerUsedAsDelegate = new(
        "MT0002",
        HandlerEscapesTitle,
        "[TracedHandler] method '{0}' is used as a delegate, and calls through a delegate cannot be intercepted, so they create no process span; pass a lambda that calls '{1}' instead{2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0002.md");

    /// <summary>MT0002: a listener whose static type hides its traced callback.</summary>
    public static readonly DiagnosticDescriptor ListenerTypeHidesHandler = new(
        "MT0002",
        HandlerEscapesTitle,
        "The listener passed to '{0}' has static type '{1}', which does not show that its '{2}' is a [TracedHandler] (such as '{3}'), so this registration is not traced; pass the listener as its concrete type, for example a variable of type '{4}'",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0002.md");

    /// <summary>MT0002: a call of a traced handler that generated code cannot reach.</summary>
    public static readonly DiagnosticDescriptor HandlerUnreachable = new(
        "MT0002",
        HandlerEscapesTitle,
        "Generated code cannot call [TracedHandler] method '{0}' because {1}, so this {2} is not traced; {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0002.md");

    /// <summary>MT0003: [TracedHandler] on a method without a message to continue the trace from.</summary>
    public static readonly DiagnosticDescriptor HandlerWithoutMessage = new(
        "MT0003",
        MisuseTitle,
        "[TracedHandler] method '{0}' has no parameter of a message type MessageTrace knows ({1}) and no [MessageHeaders] carrier, so there is no trace context to continue; take the received message as a parameter, or mark the header dictionary (IDictionary<string, string> or IDictionary<string, object>) of your message type with [MessageHeaders]",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0003.md");

    /// <summary>MT0003: an attribute on a member that has nothing to trace or cannot be called by generated code.</summary>
    public static readonly DiagnosticDescriptor NothingToTrace = new(
        "MT0003",
        MisuseTitle,
        "[{0}] on '{1}' has no effect because {2}; {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0003.md");

    /// <summary>MT0003: an invalid Destination template.</summary>
    public static readonly DiagnosticDescriptor InvalidDestination = new(
        "MT0003",
        MisuseTitle,
        "Destination \"{0}\" of [{1}] is not a valid destination template: {2}; use a name such as \"orders\" or a template such as \"orders.{{region}}\", or remove Destination to name spans after each message's destination",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0003.md");

    /// <summary>MT0003: an option that contradicts what the attributed method is.</summary>
    public static readonly DiagnosticDescriptor ConflictingOption = new(
        "MT0003",
        MisuseTitle,
        "{0} has no effect on [TracedHandler] method '{1}' because it handles a batch: {2}; remove {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0003.md");

    /// <summary>MT0004: the generated namespace is not listed in InterceptorsNamespaces.</summary>
    public static readonly DiagnosticDescriptor InterceptorsNotEnabled = new(
        "MT0004",
        "Interceptors are not enabled for MessageTrace",
        "This project uses MessageTrace attributes but does not enable interceptors in namespace '"
            + Generator.Recognition.KnownNames.GeneratedNamespace
            + "', so the generated tracing cannot compile (error CS9137) and nothing is traced; add <InterceptorsNamespaces>$(InterceptorsNamespaces);"
            + Generator.Recognition.KnownNames.GeneratedNamespace
            + "</InterceptorsNamespaces> to a PropertyGroup of the project file (the MessageTrace package sets it unless MessageTraceEnableInterceptors is false or its build assets are excluded)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0004.md",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>MT0005: a traced producer scope containing no send the catalogue knows.</summary>
    public static readonly DiagnosticDescriptor ProducerWithoutSend = new(
        "MT0005",
        "Traced producer contains no recognised send",
        "[TracedProducer] on '{0}' covers no send call MessageTrace recognises{1}, so it traces nothing; {2}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0005.md");

    /// <summary>MT0006: a traced consumer scope containing no receive the catalogue knows.</summary>
    public static readonly DiagnosticDescriptor ConsumerWithoutReceive = new(
        "MT0006",
        "Traced consumer contains no recognised receive",
        "[TracedConsumer] on '{0}' covers no receive call MessageTrace recognises{1}, so it traces nothing; {2}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0006.md");

    /// <summary>MT0007: a messaging call the generator's parsers left untraced, for a reason no other rule reports.</summary>
    public static readonly DiagnosticDescriptor UntracedCall = new(
        "MT0007",
        "Messaging call is not traced",
        "Messaging call '{0}' is not traced: {1}; {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0007.md");

    /// <summary>MT0008: how many messaging call sites are traced, reported when the project asks for it.</summary>
    public static readonly DiagnosticDescriptor Coverage = new(
        "MT0008",
        "Messaging call coverage",
        "{0} of {1} messaging call sites are traced; untraced: {2}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: HelpLinkBase + "MT0008.md",
        WellKnownDiagnosticTags.CompilationEnd);
}
