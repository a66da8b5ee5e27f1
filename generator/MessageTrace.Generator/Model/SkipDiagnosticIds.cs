namespace MessageTrace.Generator;

/// <summary>
/// The diagnostic id each "not traced" verdict is reported as. The analyzers pick their descriptor by
/// it, and the AsyncAPI document names it for an untraced send, so the two always agree.
/// </summary>
internal static class SkipDiagnosticIds
{
    public static string Of(NotTraced skip) => skip.Reason switch
    {
        SkipReason.OutsideProducerScope => "MT0001",
        SkipReason.UsedAsDelegate => skip.Kind == CallKind.Send ? "MT0001" : "MT0002",
        SkipReason.ListenerTypeHidesHandler or SkipReason.HandlerUnreachable or SkipReason.HandlerInOtherAssembly => "MT0002",
        _ => "MT0007",
    };

    /// <summary>What a reader of the topology needs to know about an untraced send, in a few words.</summary>
    public static string Why(NotTraced skip) => skip.Reason switch
    {
        SkipReason.OutsideProducerScope => "the send is outside every [TracedProducer] scope",
        SkipReason.UsedAsDelegate => "the send method is used as a delegate, which cannot be intercepted",
        SkipReason.NotInterceptable => "the call is not written as a plain method call",
        SkipReason.UnknownOperation => "the broker method matches no operation MessageTrace knows",
        SkipReason.UnsupportedOperation => "MessageTrace does not trace this broker method",
        _ => "MessageTrace cannot trace this call (" + skip.Reason + ")",
    };
}
