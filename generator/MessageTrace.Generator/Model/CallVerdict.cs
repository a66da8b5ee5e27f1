namespace MessageTrace.Generator;

/// <summary>What a messaging call site does.</summary>
internal enum CallKind
{
    Send,
    Receive,
    Settle,
    HandlerCall,
    Registration,
}

/// <summary>The code fix that can repair a call automatically; any other fix is said in the message.</summary>
internal enum FixKind
{
    None,

    /// <summary>Add <c>[TracedProducer]</c> to the member around the call.</summary>
    AddTracedProducer,

    /// <summary>Replace a method group with a lambda that calls the method.</summary>
    WrapInLambda,
}

/// <summary>
/// A messaging call the generator leaves as written: what it is, why, the arguments of the diagnostic
/// that reports it (layouts on <see cref="SkipReason"/>) and the code fix that applies.
/// </summary>
internal sealed record NotTraced(CallKind Kind, SkipReason Reason, FixKind Fix, EquatableArray<string> Arguments);

/// <summary>
/// The one decision about a messaging call: <see cref="Traced"/> holds what the emitter needs, or
/// <see cref="Skipped"/> says why the call stays as written. Exactly one of them is set. A parser
/// returns no verdict at all (null) only for a call that is not a messaging call.
/// </summary>
internal sealed record CallVerdict<T>(T? Traced, NotTraced? Skipped)
    where T : class
{
    public static CallVerdict<T> Trace(T model) => new(model, null);

    public static CallVerdict<T> Skip(NotTraced reason) => new(null, reason);

    /// <summary>A skip when there is a reason, no verdict (not a messaging call) when there is none.</summary>
    public static CallVerdict<T>? SkipIf(NotTraced? reason) => reason is null ? null : new(null, reason);
}

/// <summary>
/// Why a <c>[TracedHandler]</c> cannot be traced wherever it is called or registered: the reason, the
/// handler as users read it, why, and what to do. Turned into a <see cref="NotTraced"/> per call site.
/// </summary>
internal sealed record HandlerProblem(SkipReason Reason, string Handler, string Why, string Fix);

/// <summary>The verdict on a <c>[TracedHandler]</c> declaration: its model, or the problem that keeps it untraced.</summary>
internal sealed record HandlerVerdict(HandlerModel? Model, HandlerProblem? Problem);
