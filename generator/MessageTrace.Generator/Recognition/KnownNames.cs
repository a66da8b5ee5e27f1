namespace MessageTrace.Generator.Recognition;

/// <summary>Metadata names of the runtime attributes the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string TracedProducerAttribute = "MessageTrace.TracedProducerAttribute";
    public const string TracedHandlerAttribute = "MessageTrace.TracedHandlerAttribute";
    public const string TracedConsumerAttribute = "MessageTrace.TracedConsumerAttribute";
    public const string DefaultsAttribute = "MessageTrace.MessageTraceDefaultsAttribute";
    public const string MessageHeadersAttribute = "MessageTrace.MessageHeadersAttribute";

    /// <summary>The namespace generated interceptors live in; consuming projects list it in InterceptorsNamespaces.</summary>
    public const string GeneratedNamespace = "MessageTrace.Generated";
}
