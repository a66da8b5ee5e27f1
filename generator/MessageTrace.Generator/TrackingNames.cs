namespace MessageTrace.Generator;

/// <summary>Names of the pipeline steps, asserted by the incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string SendSites = nameof(SendSites);
    public const string AllSendSites = nameof(AllSendSites);
    public const string CustomSendSites = nameof(CustomSendSites);
    public const string Handlers = nameof(Handlers);
    public const string HandlerCalls = nameof(HandlerCalls);
    public const string AllHandlerCalls = nameof(AllHandlerCalls);
    public const string ConsumerSites = nameof(ConsumerSites);
    public const string AllConsumerSites = nameof(AllConsumerSites);
    public const string Registrations = nameof(Registrations);
}
