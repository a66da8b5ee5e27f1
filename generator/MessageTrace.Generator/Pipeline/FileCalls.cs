namespace MessageTrace.Generator.Pipeline;

/// <summary>The traced calls of one file, by kind, in source order: the bind step's value output.</summary>
internal sealed record FileCalls(
    EquatableArray<SendSite> Sends,
    EquatableArray<HandlerCall> HandlerCalls,
    EquatableArray<RegistrationSite> Registrations,
    EquatableArray<ConsumerSite> ConsumerSites)
{
    public static readonly FileCalls None = new(EquatableArray<SendSite>.Empty, EquatableArray<HandlerCall>.Empty, EquatableArray<RegistrationSite>.Empty, EquatableArray<ConsumerSite>.Empty);
}
