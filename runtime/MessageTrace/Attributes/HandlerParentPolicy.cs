namespace MessageTrace;

/// <summary>
/// Chooses the parent of a process span. Every process span links to the message's creation
/// context whatever the policy; the policy only decides which span it hangs under.
/// </summary>
/// <remarks>
/// The messaging semantic conventions allow the creation context as parent of a single-message
/// process span but advise against doing so by default inside an ambient span, and require the
/// choice to be documented and configurable. This enum is that switch.
/// </remarks>
public enum HandlerParentPolicy
{
    /// <summary>
    /// The creation context is the parent when there is no ambient span (a consumer's own thread,
    /// a push listener); inside an ambient span the ambient span stays the parent. The default.
    /// </summary>
    CreationContextWhenNoAmbient = 0,

    /// <summary>The process span is parented on the ambient span (or is a root) and only links to the creation context.</summary>
    LinkOnly = 1,

    /// <summary>
    /// The creation context is always the parent; an ambient span, if any, is added as a second link
    /// so it is not lost.
    /// </summary>
    CreationContextAlways = 2,
}
