namespace MessageTrace.Generator;

/// <summary>Names of the pipeline steps, asserted by the incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Files = nameof(Files);
    public const string DeclarationShapes = nameof(DeclarationShapes);
    public const string CompilationShape = nameof(CompilationShape);
    public const string SourceFiles = nameof(SourceFiles);
    public const string HandlerNames = nameof(HandlerNames);
    public const string ProducerScopeNames = nameof(ProducerScopeNames);
    public const string CallCandidates = nameof(CallCandidates);
    public const string FileCalls = nameof(FileCalls);
    public const string AllSendSites = nameof(AllSendSites);
    public const string AllHandlerCalls = nameof(AllHandlerCalls);
    public const string Registrations = nameof(Registrations);
    public const string AllConsumerSites = nameof(AllConsumerSites);
    public const string TopologySettings = nameof(TopologySettings);
    public const string HandlerTopology = nameof(HandlerTopology);
    public const string Topology = nameof(Topology);
}
