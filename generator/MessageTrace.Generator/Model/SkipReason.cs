namespace MessageTrace.Generator;

/// <summary>
/// Why a messaging call is not traced. The parsers decide it (and nothing else does); the analyzers
/// report it. Each reason names the diagnostic it is reported as and the layout of
/// <see cref="NotTraced.Arguments"/>, which are that diagnostic's message arguments.
/// </summary>
internal enum SkipReason
{
    /// <summary>
    /// A send a profile knows outside every <c>[TracedProducer]</c> scope. MT0001; arguments: the send
    /// (the analyzer adds the destination it can see).
    /// </summary>
    OutsideProducerScope,

    /// <summary>
    /// A send method or a <c>[TracedHandler]</c> method used as a method group: calls through the
    /// delegate cannot be intercepted. MT0001 for sends (arguments: the method), MT0002 for handlers
    /// (arguments: the method, its name, and the second change needed when generated code cannot call the
    /// handler either, or empty).
    /// </summary>
    UsedAsDelegate,

    /// <summary>
    /// A listener registration whose argument's static type does not show that its callback is a
    /// traced handler, while this project has a traced listener it could be. MT0002; arguments: the
    /// registration method's name, the static type, the callback's name, a traced callback and its type.
    /// </summary>
    ListenerTypeHidesHandler,

    /// <summary>
    /// A traced handler generated code cannot call (private in a type that is not partial, in a
    /// file-local type). MT0002; arguments: the handler, why, "call" or "registration", what to do.
    /// </summary>
    HandlerUnreachable,

    /// <summary>A traced handler declared in another assembly. MT0002; arguments as <see cref="HandlerUnreachable"/>.</summary>
    HandlerInOtherAssembly,

    /// <summary>
    /// A traced handler whose own declaration cannot be traced (abstract, extern, not an ordinary
    /// method, no message parameter: MT0003 on the declaration). MT0007 at each call; arguments (as
    /// for every MT0007 reason): the called method, why, what to do.
    /// </summary>
    HandlerNotTraceable,

    /// <summary>
    /// A traced handler with a type parameter named like one of its containing types' type parameters:
    /// an interceptor declares them all side by side. MT0007.
    /// </summary>
    ShadowedTypeParameters,

    /// <summary>
    /// <c>base.Handle(m)</c> in an override: an interceptor could only call back virtually, into the
    /// override. The call passes through untraced. MT0007.
    /// </summary>
    BaseCall,

    /// <summary>
    /// A call that binds to an override of a traced handler that is not marked itself (the attribute
    /// is not inherited). MT0007.
    /// </summary>
    OverrideNotMarked,

    /// <summary>
    /// An acknowledgement in a <c>[TracedConsumer]</c> scope that does not set <c>TraceSettle</c>: it
    /// passes through untraced. MT0007.
    /// </summary>
    SettleNotTraced,

    /// <summary>
    /// A call not written as a plain method call (a parenthesized method group), which has no location
    /// an interceptor can name. MT0007.
    /// </summary>
    NotInterceptable,

    /// <summary>
    /// A shape the emitter cannot write tracing for, found before it writes code that would not compile
    /// or would be dropped: a registered listener of a generic type. MT0007.
    /// </summary>
    UnsupportedShape,

    /// <summary>
    /// A method of a broker client named like an operation its profile knows, but matching none of
    /// them (RocketMQ 5.2 <c>LitePushConsumer.Builder.SetMessageListener</c>), in a traced scope or
    /// registering a traced listener. MT0007.
    /// </summary>
    UnknownOperation,

    /// <summary>
    /// A broker call the catalogue knows MessageTrace does not trace (a NATS publish made of a whole
    /// <c>NatsMsg&lt;T&gt;</c>, whose headers it does not rewrite), in a traced scope. MT0007; the profile gives the reason and what to do.
    /// </summary>
    UnsupportedOperation,
}
