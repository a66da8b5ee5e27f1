using MessageTrace.Generator.Topology;

namespace MessageTrace.Generator.Pipeline;

/// <summary>
/// The traced calls of one file, by kind, in source order: the bind step's value output. With the AsyncAPI
/// document on, also the file's sends (traced or not) and traced receives as topology operations.
/// </summary>
internal sealed record FileCalls(
    EquatableArray<SendSite> Sends,
    EquatableArray<HandlerCall> HandlerCalls,
    EquatableArray<RegistrationSite> Registrations,
    EquatableArray<ConsumerSite> ConsumerSites,
    EquatableArray<TopologyOperation> Topology,
    EquatableArray<TopologyCall> TopologyCalls)
{
    public static readonly FileCalls None = new(EquatableArray<SendSite>.Empty, EquatableArray<HandlerCall>.Empty, EquatableArray<RegistrationSite>.Empty, EquatableArray<ConsumerSite>.Empty, EquatableArray<TopologyOperation>.Empty, EquatableArray<TopologyCall>.Empty);
}
