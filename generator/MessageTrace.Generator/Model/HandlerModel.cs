namespace MessageTrace.Generator;

/// <summary>How the generated code can call a traced handler.</summary>
internal enum HandlerAccess
{
    /// <summary>The handler and its containing types are internal or public: call it directly.</summary>
    Direct,

    /// <summary>Private or protected in a chain of partial types: call it through a generated internal bridge.</summary>
    Bridge,

    /// <summary>Not callable from generated code (private in a non-partial type, file-local type).</summary>
    Unreachable,
}

/// <summary>Whether the handler takes one message or a collection of them.</summary>
internal enum MessageArity
{
    Single,
    Batch,
}

/// <summary>
/// A partial type declaration the bridge must reopen: <c>Keyword</c> is <c>class</c>, <c>struct</c>,
/// <c>record</c> or <c>record struct</c>; <c>Name</c> includes its type parameter list.
/// </summary>
internal sealed record TypeDeclaration(string Keyword, string Name);

/// <summary>A <c>[TracedHandler]</c> method, everything needed to trace its invocations.</summary>
/// <param name="Key">The method's documentation id: stable and unique, joins calls to handlers.</param>
/// <param name="Message">The incoming message shape the handler takes (its profile's recipe, carried whole).</param>
/// <param name="Signature">The handler's own signature as an interceptor repeats it.</param>
/// <param name="MessageParameter">Index of the message (or batch) parameter.</param>
/// <param name="Arity">Single message or batch.</param>
/// <param name="Access">How generated code reaches the method.</param>
/// <param name="Namespace">The containing namespace, empty for the global namespace (for bridges).</param>
/// <param name="ContainingTypes">The containing type chain, outermost first (for bridges).</param>
/// <param name="IsStatic">Whether the handler is static.</param>
/// <param name="MethodArity">How many of the type parameters are the method's own (the last ones).</param>
/// <param name="AdapterType">The incoming adapter as generated code names it (with the message's type arguments).</param>
/// <param name="Options">The handler's options merged with the assembly defaults.</param>
/// <param name="ReceiverRefKind">
/// How an interceptor takes the receiver of a struct instance handler (<c>ref </c>, or <c>in </c> for a
/// read-only one, as the compiler requires); empty for classes and static handlers.
/// </param>
/// <param name="ReceiverByRef">
/// Whether the runtime must get the struct receiver by reference (a synchronous handler of a mutable
/// struct: what it changes must land in the caller's variable); otherwise a copy is passed, which changes
/// nothing for read-only and async handlers.
/// </param>
internal sealed record HandlerModel(
    string Key,
    Profiles.IncomingMessageShape Message,
    CallSignature Signature,
    int MessageParameter,
    MessageArity Arity,
    HandlerAccess Access,
    string Namespace,
    EquatableArray<TypeDeclaration> ContainingTypes,
    bool IsStatic,
    int MethodArity,
    string AdapterType,
    ScopeOptions Options,
    string ReceiverRefKind = "",
    bool ReceiverByRef = false);

/// <summary>
/// A call of a traced handler that an interceptor replaces. It carries the handler's model, so the
/// handling side is emitted from the calls alone, whichever file or assembly declares the handler.
/// </summary>
/// <param name="AfterTracedReceive">
/// Whether the call sits in the same method as a traced receive, which already counted the message as
/// consumed: its process then records its duration but counts no delivery a second time.
/// </param>
internal sealed record HandlerCall(HandlerModel Handler, InterceptLocation Location, bool AfterTracedReceive = false)
{
    public string HandlerKey => Handler.Key;
}

/// <summary>A listener registration whose listener's callback is a traced handler (RocketMQ push consumers).</summary>
internal sealed record RegistrationSite(string RegistrationId, HandlerModel Handler, CallSignature Signature, string ListenerType, InterceptLocation Location)
{
    public string HandlerKey => Handler.Key;
}
