using System.Linq;
using Microsoft.CodeAnalysis;

namespace MessageTrace.Generator.Parsing;

/// <summary>
/// Builds every "not traced" verdict the parsers return, in the words the diagnostics say, so that a
/// reason is phrased once whichever parser meets it. Argument layouts are those on <see cref="SkipReason"/>.
/// </summary>
internal static class Skips
{
    public static NotTraced OutsideProducerScope(IMethodSymbol send) =>
        new(CallKind.Send, SkipReason.OutsideProducerScope, FixKind.AddTracedProducer, Arguments(Display(send)));

    public static NotTraced SendUsedAsDelegate(IMethodSymbol send) =>
        new(CallKind.Send, SkipReason.UsedAsDelegate, FixKind.WrapInLambda, Arguments(Display(send)));

    /// <summary>
    /// A handler used as a delegate. When generated code cannot call it either, the lambda alone would not
    /// trace it, so the message says the second change too (<paramref name="unreachable"/>).
    /// </summary>
    public static NotTraced HandlerUsedAsDelegate(IMethodSymbol handler, HandlerProblem? unreachable) =>
        new(CallKind.HandlerCall, SkipReason.UsedAsDelegate, FixKind.WrapInLambda, Arguments(
            Display(handler),
            handler.Name,
            unreachable is null ? string.Empty : ", and " + unreachable.Fix + ", because generated code cannot call it while " + unreachable.Why));

    public static NotTraced ListenerTypeHidesHandler(IMethodSymbol registration, ITypeSymbol staticType, string listenerMethod, IMethodSymbol tracedCallback, ITypeSymbol tracedType) =>
        new(CallKind.Registration, SkipReason.ListenerTypeHidesHandler, FixKind.None, Arguments(registration.Name, Display(staticType), listenerMethod, Display(tracedCallback), Display(tracedType)));

    /// <summary>A handler's problem at one of its calls or registrations.</summary>
    public static NotTraced Handler(CallKind kind, HandlerProblem problem) =>
        problem.Reason is SkipReason.HandlerUnreachable or SkipReason.HandlerInOtherAssembly
            ? new(kind, problem.Reason, FixKind.None, Arguments(problem.Handler, problem.Why, kind == CallKind.Registration ? "registration" : "call", problem.Fix))
            : new(kind, problem.Reason, FixKind.None, Arguments(problem.Handler, problem.Why, problem.Fix));

    public static NotTraced BaseCall(IMethodSymbol handler) => Untraced(
        CallKind.HandlerCall,
        SkipReason.BaseCall,
        handler,
        "it calls the base handler from an override, and an interceptor could only call back virtually, into the override",
        "nothing to change when the override runs inside a traced call, whose process span covers this one, so suppress MT0007 here");

    public static NotTraced OverrideNotMarked(IMethodSymbol called, IMethodSymbol traced) => Untraced(
        CallKind.HandlerCall,
        SkipReason.OverrideNotMarked,
        called,
        "it overrides [TracedHandler] method '" + Display(traced) + "' without the attribute, which overrides do not inherit",
        "mark the override [TracedHandler] too, or call it through a '" + Display(traced.ContainingType) + "'");

    public static NotTraced SettleNotTraced(IMethodSymbol settle) => Untraced(
        CallKind.Settle,
        SkipReason.SettleNotTraced,
        settle,
        "the [TracedConsumer] scope around it does not set TraceSettle, so acknowledgements pass through untraced",
        "set TraceSettle = true on that [TracedConsumer] to give each acknowledgement a settle span");

    public static NotTraced NotInterceptable(CallKind kind, IMethodSymbol method) => Untraced(
        kind,
        SkipReason.NotInterceptable,
        method,
        "it is not written as a call by name (the method group is in parentheses), so it has no location an interceptor can name",
        "call the method by name, as in 'x." + method.Name + "(...)'");

    public static NotTraced UnknownOperation(CallKind kind, string profileId, IMethodSymbol method) => Untraced(
        kind,
        SkipReason.UnknownOperation,
        method,
        "the " + profileId + " profile knows no " + Noun(kind) + " with this signature, so nothing intercepts it",
        "use a " + Noun(kind) + " the profile knows (docs/brokers.md), or trace this call by hand");

    public static NotTraced Untraced(Profiles.UntracedOperation operation, IMethodSymbol method) => Untraced(
        operation.Kind,
        SkipReason.UnsupportedOperation,
        method,
        operation.Why,
        operation.Instead);

    public static NotTraced GenericListener(IMethodSymbol callback, INamedTypeSymbol generic) => Untraced(
        CallKind.Registration,
        SkipReason.UnsupportedShape,
        callback,
        "its listener type '" + Display(callback.ContainingType) + "' is generic ('" + Display(generic) + "'), and the generator wraps listeners of non-generic types only",
        "register an instance of a non-generic listener type whose callback is the [TracedHandler]");

    public static HandlerProblem InOtherAssembly(IMethodSymbol handler)
    {
        string assembly = handler.ContainingAssembly?.Name ?? "another assembly";
        return new(
            SkipReason.HandlerInOtherAssembly,
            Display(handler),
            "it is declared in assembly '" + assembly + "' and interceptors only reach calls compiled together with the handler",
            "mark a method of this project with [TracedHandler] and call that, or make the call from '" + assembly + "'");
    }

    public static HandlerProblem Unreachable(IMethodSymbol handler, string why, string fix) =>
        new(SkipReason.HandlerUnreachable, Display(handler), why, fix);

    /// <summary>A handler MT0003 reports on its declaration; <paramref name="because"/> completes "has no effect because …".</summary>
    public static HandlerProblem NotTraceable(IMethodSymbol handler, string because, string fix) =>
        new(SkipReason.HandlerNotTraceable, Display(handler), "[TracedHandler] on it has no effect because " + because, fix);

    public static HandlerProblem WithoutMessage(IMethodSymbol handler) => NotTraceable(
        handler,
        "it has no parameter of a message type MessageTrace knows and no [MessageHeaders] carrier",
        "take the received message as a parameter, or mark the header dictionary of your message type with [MessageHeaders]");

    public static HandlerProblem ShadowedTypeParameters(IMethodSymbol handler, string name) => new(
        SkipReason.ShadowedTypeParameters,
        Display(handler),
        "two of the type parameters of it and its containing types are named '" + name + "', and an interceptor must declare them all side by side",
        "rename one of the type parameters named '" + name + "'");

    private static NotTraced Untraced(CallKind kind, SkipReason reason, ISymbol subject, string why, string fix) =>
        new(kind, reason, FixKind.None, Arguments(Display(subject), why, fix));

    private static string Noun(CallKind kind) => kind switch
    {
        CallKind.Send => "send",
        CallKind.Receive => "receive",
        CallKind.Settle => "acknowledgement",
        _ => "listener registration",
    };

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    private static EquatableArray<string> Arguments(params string[] arguments) => arguments.ToEquatableArray();
}
