using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Emits one file per broker profile with everything on the handling side: bridges into partial types for
/// private handlers, interceptors for handler calls, listener decorators and the interceptors of their
/// registrations. Each hands the message to the runtime through the profile's adapter and says how to
/// call the handler; the adapters follow.
/// </summary>
internal static class HandlerEmitter
{
    private const string Enumerable = "global::System.Collections.Generic.IEnumerable<";

    public static string? Emit(BrokerProfile profile, IReadOnlyList<HandlerCall> calls, IReadOnlyList<RegistrationSite> registrations)
    {
        // Calls reach the handler by name; registrations through the listener interface, so their model
        // may say the handler is not reachable by name. Each side keeps its own.
        var called = calls
            .Where(c => c.Handler.Message.ProfileId == profile.Id && c.Handler.Access != HandlerAccess.Unreachable)
            .GroupBy(static c => (c.HandlerKey, c.AfterTracedReceive))
            .Select(static g => (Handler: g.First().Handler, AfterReceive: g.Key.AfterTracedReceive, Calls: g.OrderBy(static c => c.Location.Display, System.StringComparer.Ordinal).ThenBy(static c => c.Location.Data, System.StringComparer.Ordinal).ToList()))
            .OrderBy(static g => g.Handler.Key, System.StringComparer.Ordinal)
            .ThenBy(static g => g.AfterReceive)
            .ToList();
        var registered = registrations
            .Where(r => r.Handler.Message.ProfileId == profile.Id && r.Handler.Arity == MessageArity.Single)
            .OrderBy(static r => r.Location.Display, System.StringComparer.Ordinal)
            .ThenBy(static r => r.Location.Data, System.StringComparer.Ordinal)
            .ToList();
        var byKey = new Dictionary<string, HandlerModel>(System.StringComparer.Ordinal);
        foreach (var registration in registered)
        {
            byKey[registration.HandlerKey] = registration.Handler;
        }

        if (called.Count == 0 && registered.Count == 0)
        {
            return null;
        }

        string className = profile.Id + "HandlerInterceptors";
        var fields = new SiteFields();
        var members = new SourceWriter();
        foreach (var (handler, afterReceive, handlerCalls) in called)
        {
            members.Line();
            foreach (var call in handlerCalls)
            {
                GeneratedFile.WriteInterceptsLocation(members, call.Location);
            }

            // Calls after a traced receive get their own interceptor and site: the receive counted the delivery.
            string name = StableNames.Handler(handler) + (afterReceive ? "_AfterReceive" : string.Empty);
            WriteInterceptor(members, handler, name, fields.ForConsumer(handler.Message.System, handler.Options, countsConsumedMessages: !afterReceive));
        }

        var decorators = new SourceWriter();
        var decorated = registered.Select(r => byKey[r.HandlerKey]).Distinct().OrderBy(static h => h.Key, System.StringComparer.Ordinal).ToList();
        foreach (var handler in decorated)
        {
            decorators.Line();
            var registration = profile.Registrations.First(r => r.Id == registered.First(s => s.HandlerKey == handler.Key).RegistrationId);
            WriteDecorator(decorators, handler, registration, className + "." + fields.ForConsumer(handler.Message.System, handler.Options));
        }

        int number = 0;
        foreach (var group in registered.GroupBy(static s => (s.HandlerKey, s.Signature)))
        {
            members.Line();
            foreach (var site in group)
            {
                GeneratedFile.WriteInterceptsLocation(members, site.Location);
            }

            WriteRegistration(members, group.Key.Signature, "Traced" + StableNames.Handler(byKey[group.Key.HandlerKey]) + "Listener", number++);
        }

        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        GeneratedFile.WriteInterceptsLocationAttribute(writer);
        foreach (var handler in called.Where(static c => c.Handler.Access == HandlerAccess.Bridge).Select(static c => c.Handler).Distinct())
        {
            BridgeEmitter.Write(writer, handler);
        }

        writer.Open("namespace " + Recognition.KnownNames.GeneratedNamespace);
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + className);
        fields.Write(writer);
        writer.Block(members.ToString().TrimEnd('\n'));
        writer.Close();
        if (decorated.Count > 0)
        {
            writer.Block(decorators.ToString().TrimEnd('\n'));
        }

        AdapterEmitter.Write(writer, called.Select(static c => c.Handler.Message.Adapter).Concat(decorated.Select(static h => h.Message.Adapter)));
        writer.Close();
        return writer.ToString();
    }

    private static void WriteInterceptor(SourceWriter writer, HandlerModel handler, string interceptorName, string siteField)
    {
        var signature = handler.Signature;
        // A struct receiver comes by ref (in for a read-only handler), as the compiler requires; the runtime gets a copy, which the parser allows only where it changes nothing.
        string receiver = handler.IsStatic ? string.Empty : "this " + handler.ReceiverRefKind + signature.ReceiverType + " receiver" + (signature.Parameters.Count > 0 ? ", " : string.Empty);
        // An extension handler may be called in reduced form (message.Handle()): its interceptor must be an extension too.
        string thisModifier = handler.IsStatic && signature.IsExtension ? "this " : string.Empty;
        writer.Line($"public static {signature.ReturnType} {interceptorName}{SignatureText.TypeParameters(signature)}({receiver}{thisModifier}{SignatureText.Parameters(signature)})");
        SignatureText.WriteConstraints(writer, signature);
        string name = handler.Access == HandlerAccess.Bridge ? StableNames.Bridge(handler) : signature.MethodName;
        if (handler.ReceiverByRef)
        {
            writer.Line("    => " + ByRefInvocation(handler, siteField, $"r.{name}{MethodTypeArguments(handler)}"));
            return;
        }

        var call = CallText.For(signature, hasReceiver: !handler.IsStatic, new HashSet<int> { handler.MessageParameter });
        string target = handler.IsStatic ? signature.ReceiverType ?? TypeName(handler) : call.Get("receiver");
        writer.Line("    => " + Invocation(handler, siteField, call, $"{target}.{name}{MethodTypeArguments(handler)}"));
    }

    /// <summary>
    /// A synchronous handler of a mutable struct: the receiver goes to the runtime by reference, through a
    /// lambda whose parameters are typed (a lambda with a <c>ref</c> parameter needs them).
    /// </summary>
    private static string ByRefInvocation(HandlerModel handler, string siteField, string method)
    {
        var signature = handler.Signature;
        var message = signature.Parameters[handler.MessageParameter];
        var call = CallText.For(signature, hasReceiver: false, new HashSet<int> { handler.MessageParameter });
        var others = signature.Parameters.Where((_, i) => i != handler.MessageParameter).ToList();
        string argsType = others.Count switch
        {
            0 => "object?",
            1 => others[0].Type,
            _ => "(" + string.Join(", ", others.Select(static p => p.Type + " " + p.Name)) + ")",
        };
        var arguments = signature.Parameters.Select((p, i) => i == handler.MessageParameter ? "m" : call.Get(p.Name));
        string lambda = $"static (ref {signature.ReceiverType} r, {message.Type} m, {argsType} a) => {method}({string.Join(", ", arguments)})";
        string entry = "Invoke" + signature.ReturnShape switch
        {
            ReturnShape.Void => "Void",
            ReturnShape.Value => string.Empty,
            _ => "Async",
        };
        return $"global::MessageTrace.TracedStructHandler.{entry}({siteField}, default({handler.AdapterType}), ref receiver, {message.Name}, {call.Arguments}, {lambda});";
    }

    /// <summary>Wraps a registered listener whose callback is a [TracedHandler]: the client calls the wrapper instead.</summary>
    private static void WriteDecorator(SourceWriter writer, HandlerModel handler, ListenerRegistration registration, string siteField)
    {
        string listener = "global::" + registration.ListenerInterface.Replace('+', '.');
        var signature = handler.Signature;
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open($"file sealed class Traced{StableNames.Handler(handler)}Listener({listener} inner) : {listener}");
        writer.Line($"public {signature.ReturnType} {registration.ListenerMethod}({SignatureText.Parameters(signature)})");
        var others = signature.Parameters.Where((_, i) => i != handler.MessageParameter).Select(static p => p.Name);
        var call = CallText.Of(new[] { "inner" }.Concat(others));
        writer.Line("    => " + Invocation(handler, siteField, call, call.Get("inner") + "." + registration.ListenerMethod));
        writer.Close();
    }

    private static void WriteRegistration(SourceWriter writer, CallSignature signature, string decorator, int number)
    {
        var parameter = signature.Parameters[0];
        writer.Line($"public static {signature.ReturnType} {signature.MethodName}{number}(this {signature.ReceiverType} receiver, {parameter.Type} {parameter.Name})");
        writer.Line($"    => receiver.{signature.MethodName}({parameter.Name} is null ? {parameter.Name} : new {decorator}({parameter.Name}));");
    }

    /// <summary>The runtime call: the site, the adapter, the message, the other arguments and how to call <paramref name="method"/>.</summary>
    private static string Invocation(HandlerModel handler, string siteField, CallText call, string method)
    {
        var signature = handler.Signature;
        var message = signature.Parameters[handler.MessageParameter];
        bool batch = handler.Arity == MessageArity.Batch;
        bool readOnce = batch && message.Type.StartsWith(Enumerable, System.StringComparison.Ordinal);
        string messageArgument = !batch ? "m" : readOnce ? "m!" : "(" + message.Type + ")m!";
        var arguments = signature.Parameters.Select((p, i) => i == handler.MessageParameter ? messageArgument : call.Get(p.Name));
        string lambda = CallText.Lambda(withMessage: true, method + "(" + string.Join(", ", arguments) + ")");
        string entry = (batch ? "InvokeBatch" : "Invoke") + signature.ReturnShape switch
        {
            ReturnShape.Void => "Void",
            ReturnShape.Value => string.Empty,
            _ => "Async",
        };
        return $"global::MessageTrace.TracedHandler.{entry}({siteField}, default({handler.AdapterType}), {message.Name}, {call.Arguments}, {lambda}{(readOnce ? ", readOnce: true" : string.Empty)});";
    }

    private static string TypeName(HandlerModel handler) =>
        "global::" + (handler.Namespace.Length == 0 ? string.Empty : handler.Namespace + ".") + string.Join(".", handler.ContainingTypes.Select(static t => t.Name));

    private static string MethodTypeArguments(HandlerModel handler)
    {
        var own = handler.Signature.TypeParameters.Skip(handler.Signature.TypeParameters.Count - handler.MethodArity).ToList();
        return own.Count == 0 ? string.Empty : "<" + string.Join(", ", own) + ">";
    }
}
