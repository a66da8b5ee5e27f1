using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Emits one file per broker profile with everything on the handling side: bridges into partial types
/// for private handlers, interceptors for handler calls, traced listener decorators for registrations,
/// and the profile's handler helpers.
/// </summary>
internal static class HandlerEmitter
{
    public static string? Emit(BrokerProfile profile, IReadOnlyList<HandlerModel> handlers, IReadOnlyList<HandlerCall> calls, IReadOnlyList<RegistrationSite> registrations)
    {
        var byKey = new Dictionary<string, HandlerModel>(System.StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (handler.Message.ProfileId == profile.Id && handler.Access != HandlerAccess.Unreachable)
            {
                byKey[handler.Key] = handler;
            }
        }

        var called = calls
            .Where(c => byKey.ContainsKey(c.HandlerKey))
            .GroupBy(static c => c.HandlerKey)
            .Select(g => (Handler: byKey[g.Key], Calls: g.OrderBy(static c => c.Location.Display, System.StringComparer.Ordinal).ThenBy(static c => c.Location.Data, System.StringComparer.Ordinal).ToList()))
            .OrderBy(static g => g.Handler.Key, System.StringComparer.Ordinal)
            .ToList();
        var registered = registrations
            .Where(r => byKey.ContainsKey(r.HandlerKey) && byKey[r.HandlerKey].Arity == MessageArity.Single)
            .OrderBy(static r => r.Location.Display, System.StringComparer.Ordinal)
            .ThenBy(static r => r.Location.Data, System.StringComparer.Ordinal)
            .ToList();
        if (called.Count == 0 && registered.Count == 0)
        {
            return null;
        }

        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        GeneratedFile.WriteInterceptsLocationAttribute(writer);
        foreach (var (handler, _) in called.Where(static c => c.Handler.Access == HandlerAccess.Bridge))
        {
            WriteBridge(writer, handler);
        }

        writer.Open("namespace " + Recognition.KnownNames.GeneratedNamespace);
        bool first = true;
        if (called.Count > 0)
        {
            WriteInterceptors(writer, profile, called);
            first = false;
        }

        var decorated = registered.Select(r => byKey[r.HandlerKey]).Distinct().OrderBy(static h => h.Key, System.StringComparer.Ordinal).ToList();
        if (registered.Count > 0)
        {
            foreach (var handler in decorated)
            {
                if (!first)
                {
                    writer.Line();
                }

                WriteDecorator(writer, profile, handler, registered.First(r => r.HandlerKey == handler.Key));
                first = false;
            }

            writer.Line();
            WriteRegistrationInterceptors(writer, profile, registered, byKey);
        }

        writer.Line();
        var all = called.Select(static c => c.Handler).Concat(decorated).ToList();
        HandlerTracingEmitter.Write(writer, profile, all);
        writer.Close();
        return writer.ToString();
    }

    private static void WriteInterceptors(SourceWriter writer, BrokerProfile profile, List<(HandlerModel Handler, List<HandlerCall> Calls)> called)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profile.Id + "HandlerInterceptors");
        bool first = true;
        foreach (var (handler, calls) in called)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            if (HandlerBodyEmitter.NeedsFailureCallback(handler))
            {
                HandlerBodyEmitter.WriteFailureCallback(writer, handler);
                writer.Line();
            }

            foreach (var call in calls)
            {
                GeneratedFile.WriteInterceptsLocation(writer, call.Location);
            }

            var signature = handler.Signature;
            string typeParameters = signature.TypeParameters.Count == 0 ? string.Empty : "<" + string.Join(", ", signature.TypeParameters) + ">";
            string receiver = handler.IsStatic ? string.Empty : "this " + (IsStructReceiver(handler) ? "ref " : string.Empty) + signature.ReceiverType + " receiver" + (signature.Parameters.Count > 0 ? ", " : string.Empty);
            // An extension handler may be called in reduced form (message.Handle()): its interceptor
            // must be an extension too.
            string thisModifier = handler.IsStatic && signature.IsExtension ? "this " : string.Empty;
            string parameters = thisModifier + SignatureText.Parameters(signature);
            writer.Line($"public static {signature.ReturnType} {StableNames.Handler(handler)}{typeParameters}({receiver}{parameters})");
            foreach (var constraint in handler.Signature.Constraints)
            {
                writer.Line("    " + constraint);
            }

            writer.Open(string.Empty);
            HandlerBodyEmitter.Write(writer, handler, handler.Message.System, HandlerTracingEmitter.ClassName(profile), Call(handler));
            writer.Close();
        }

        writer.Close();
    }

    private static string Call(HandlerModel handler)
    {
        string arguments = SignatureText.Arguments(handler.Signature);
        string name = handler.Access == HandlerAccess.Bridge ? StableNames.Bridge(handler) : handler.Signature.MethodName;
        string typeArguments = MethodTypeArguments(handler);
        string target = handler.IsStatic ? handler.Signature.ReceiverType ?? TypeName(handler) : "receiver";
        return $"{target}.{name}{typeArguments}({arguments})";
    }

    private static string TypeName(HandlerModel handler) =>
        "global::" + (handler.Namespace.Length == 0 ? string.Empty : handler.Namespace + ".") + string.Join(".", handler.ContainingTypes.Select(static t => t.Name));

    private static string MethodTypeArguments(HandlerModel handler)
    {
        var own = handler.Signature.TypeParameters.Skip(handler.Signature.TypeParameters.Count - handler.MethodArity).ToList();
        return own.Count == 0 ? string.Empty : "<" + string.Join(", ", own) + ">";
    }

    private static bool IsStructReceiver(HandlerModel handler) =>
        handler.ContainingTypes.Count > 0 && handler.ContainingTypes[handler.ContainingTypes.Count - 1].Keyword.EndsWith("struct", System.StringComparison.Ordinal);

    private static void WriteBridge(SourceWriter writer, HandlerModel handler)
    {
        bool hasNamespace = handler.Namespace.Length > 0;
        if (hasNamespace)
        {
            writer.Open("namespace " + handler.Namespace);
        }

        foreach (var type in handler.ContainingTypes)
        {
            writer.Open("partial " + type.Keyword + " " + type.Name);
        }

        var signature = handler.Signature;
        string typeParameters = MethodTypeArguments(handler);
        string parameters = SignatureText.Parameters(signature);
        string arguments = SignatureText.Arguments(signature);
        writer.Comment("Lets the generated interceptor reach a handler that is not accessible outside this type.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line($"internal {(handler.IsStatic ? "static " : string.Empty)}{signature.ReturnType} {StableNames.Bridge(handler)}{typeParameters}({parameters}) => {signature.MethodName}{typeParameters}({arguments});");
        foreach (var _ in handler.ContainingTypes)
        {
            writer.Close();
        }

        if (hasNamespace)
        {
            writer.Close();
        }

        writer.Line();
    }

    private static void WriteDecorator(SourceWriter writer, BrokerProfile profile, HandlerModel handler, RegistrationSite site)
    {
        var registration = profile.Registrations.First(r => r.Id == site.RegistrationId);
        string listener = "global::" + registration.ListenerInterface.Replace('+', '.');
        var signature = handler.Signature;
        string parameters = SignatureText.Parameters(signature);
        string arguments = SignatureText.Arguments(signature);
        writer.Comment("Wraps a registered listener whose callback is a [TracedHandler]: the client calls this instead.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open($"file sealed class Traced{StableNames.Handler(handler)}Listener({listener} inner) : {listener}");
        if (HandlerBodyEmitter.NeedsFailureCallback(handler))
        {
            HandlerBodyEmitter.WriteFailureCallback(writer, handler);
            writer.Line();
        }

        writer.Open($"public {signature.ReturnType} {registration.ListenerMethod}({parameters})");
        HandlerBodyEmitter.Write(writer, handler, handler.Message.System, HandlerTracingEmitter.ClassName(profile), $"inner.{registration.ListenerMethod}({arguments})");
        writer.Close();
        writer.Close();
    }

    private static void WriteRegistrationInterceptors(SourceWriter writer, BrokerProfile profile, List<RegistrationSite> sites, Dictionary<string, HandlerModel> handlers)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profile.Id + "RegistrationInterceptors");
        int number = 0;
        foreach (var group in sites.GroupBy(static s => (s.HandlerKey, s.Signature)).ToList())
        {
            if (number > 0)
            {
                writer.Line();
            }

            foreach (var site in group)
            {
                GeneratedFile.WriteInterceptsLocation(writer, site.Location);
            }

            var signature = group.Key.Signature;
            var parameter = signature.Parameters[0];
            string decorator = "Traced" + StableNames.Handler(handlers[group.Key.HandlerKey]) + "Listener";
            writer.Line($"public static {signature.ReturnType} {signature.MethodName}{number++}(this {signature.ReceiverType} receiver, {parameter.Type} {parameter.Name})");
            writer.Line($"    => receiver.{signature.MethodName}({parameter.Name} is null ? {parameter.Name} : new {decorator}({parameter.Name}));");
        }

        writer.Close();
    }
}
