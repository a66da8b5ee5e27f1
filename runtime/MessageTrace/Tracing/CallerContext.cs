using System.Diagnostics;
using System.Threading;

namespace MessageTrace;

/// <summary>
/// The caller's current span around a traced call, and how to give it back when the call returns.
/// </summary>
/// <remarks>
/// Every assignment of <see cref="Activity.Current"/> builds a new execution context (about 90 bytes once
/// the caller has a span of its own). Starting our span already paid for one; putting the caller's span back
/// would pay for another. When nothing but our own work (the span made current, the message's baggage)
/// changed the execution context during the call, the context the caller had is simply put back, which
/// allocates nothing and restores exactly the same values. When anything else changed it (code in the call
/// that set an async-local of its own, flow suppressed), only the caller's span is put back, as an
/// assignment of <see cref="Activity.Current"/> would.
/// </remarks>
internal struct CallerContext
{
#if NET8_0_OR_GREATER
    private readonly ExecutionContext? _before;
    private ExecutionContext? _entered;
#endif

    private CallerContext(Activity? activity)
    {
        Span = activity;
#if NET8_0_OR_GREATER
        _before = ExecutionContext.Capture();
        _entered = null;
#endif
    }

    /// <summary>The caller's current span.</summary>
    public Activity? Span { get; }

    /// <summary>Notes the caller's context; called before the traced call's span is started.</summary>
    public static CallerContext Capture() => new(Activity.Current);

    /// <summary>Notes the context the call runs in; called once the span (and baggage) are current.</summary>
    public void Entered()
    {
#if NET8_0_OR_GREATER
        _entered = ExecutionContext.Capture();
#endif
    }

    /// <summary>Makes the caller's span current again.</summary>
    public readonly void Restore()
    {
#if NET8_0_OR_GREATER
        // Capture returns null only while flow is suppressed, and the default context as itself.
        if (_before is not null && _entered is not null && ReferenceEquals(ExecutionContext.Capture(), _entered))
        {
            ExecutionContext.Restore(_before);
            return;
        }
#endif
        Activity.Current = Span;
    }
}
