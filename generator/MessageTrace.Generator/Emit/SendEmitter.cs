using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Emits one file per broker profile with its send interceptors, one method per distinct operation,
/// signature and options, carrying every call site it intercepts. Each hands the message to the runtime
/// through the profile's adapter and says how to make the original call; the adapters follow.
/// </summary>
internal static class SendEmitter
{
    public static string? Emit(string profileId, IReadOnlyList<SendSite> sites)
    {
        if (sites.Count == 0)
        {
            return null;
        }

        var groups = InterceptorGroups.Of(sites, static s => (s.OperationId, s.Signature, s.Options, s.System), static s => s.Location);
        var fields = new SiteFields();
        var interceptors = new SourceWriter();
        int number = 0;
        foreach (var group in groups)
        {
            interceptors.Line();
            foreach (var site in group)
            {
                GeneratedFile.WriteInterceptsLocation(interceptors, site.Location);
            }

            WriteInterceptor(interceptors, group[0], number++, fields.ForSend(group[0].Options.System ?? group[0].System, group[0].Options));
        }

        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        GeneratedFile.WriteInterceptsLocationAttribute(writer);
        writer.Open("namespace " + Recognition.KnownNames.GeneratedNamespace);
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profileId + "SendInterceptors");
        fields.Write(writer);
        writer.Block(interceptors.ToString().TrimEnd('\n'));
        writer.Close();
        AdapterEmitter.Write(writer, sites.Select(static s => s.Recipe.Adapter));
        writer.Close();
        return writer.ToString();
    }

    private static void WriteInterceptor(SourceWriter writer, SendSite site, int number, string siteField)
    {
        var signature = site.Signature;
        var recipe = site.Recipe;
        bool hasReceiver = signature.ReceiverType is not null;
        // A struct receiver (a NATS message replied to) comes by reference, as the compiler requires; the
        // client call is made on a copy, which a send does not change.
        string receiver = hasReceiver ? "this " + signature.ReceiverRefKind + signature.ReceiverType + " receiver" + (signature.Parameters.Count > 0 ? ", " : string.Empty) : string.Empty;
        writer.Line($"public static {signature.ReturnType} {site.OperationId}{number}{SignatureText.TypeParameters(signature)}({receiver}{SignatureText.Parameters(signature)})");
        SignatureText.WriteConstraints(writer, signature);

        var replaced = new HashSet<int>(recipe.Replacements.Select(static r => r.Parameter));
        if (recipe.ReportCallback is { } callback)
        {
            replaced.Add(callback);
        }

        var call = CallText.For(signature, hasReceiver, replaced);
        string original = Invocation(signature, call, signature.MethodName, signature.Parameters.Select((p, i) => Argument(recipe, call, signature, i)));
        string body = recipe.Reroute is { } reroute
            ? $"m.{reroute.WhenMember} is not null ? {Rerouted(signature, call, reroute)} : {original}"
            : original;
        bool madeByCreate = recipe.Adapter.InfersTypeArguments || recipe.Adapter.Specialization is not null;
        string adapter = (madeByCreate ? recipe.Adapter.Name + ".Create(" : "new " + recipe.Adapter.Name + "(") + string.Join(", ", recipe.AdapterArguments.Select(a => Value(a, signature))) + ")";
        if (recipe.ReportCallback is { } report)
        {
            writer.Line($"    => global::MessageTrace.TracedSend.SendWithReport({siteField}, {adapter}, {signature.Parameters[report].Name}, {call.Arguments}, static (m, a, h) => {body});");
            return;
        }

        writer.Line($"    => global::MessageTrace.TracedSend.{EntryPoint(signature.ReturnShape)}({siteField}, {adapter}, {call.Arguments}, {CallText.Lambda(withMessage: true, body)});");
    }

    private static string EntryPoint(ReturnShape shape) => shape switch
    {
        ReturnShape.Void => "SendVoid",
        ReturnShape.Value => "Send",
        _ => "SendAsync",
    };

    /// <summary>The client call as the user made it: an extension in static form (its namespace is not imported here).</summary>
    private static string Invocation(CallSignature signature, CallText call, string method, IEnumerable<string> arguments)
    {
        var list = arguments.ToList();
        if (signature.IsExtension)
        {
            list.Insert(0, call.Get("receiver"));
            return signature.DeclaringType + "." + method + "(" + string.Join(", ", list) + ")";
        }

        string target = signature.ReceiverType is null ? signature.DeclaringType : call.Get("receiver");
        return target + "." + method + "(" + string.Join(", ", list) + ")";
    }

    private static string Rerouted(CallSignature signature, CallText call, ReroutedCall reroute) =>
        call.Get("receiver") + "." + reroute.MethodName + "(" + string.Join(", ", reroute.Arguments.Select(a => a.Kind switch
        {
            CallArgumentKind.Adapter => "m." + a.Member,
            CallArgumentKind.Literal => a.Literal!,
            CallArgumentKind.Receiver => call.Get("receiver"),
            _ => call.Get(signature.Parameters[a.Parameter].Name) + (a.Member is null ? string.Empty : "." + a.Member),
        })) + ")";

    private static string Argument(SendRecipe recipe, CallText call, CallSignature signature, int index)
    {
        var parameter = signature.Parameters[index];
        if (recipe.ReportCallback == index)
        {
            return "h";
        }

        foreach (var replacement in recipe.Replacements)
        {
            if (replacement.Parameter == index)
            {
                return "m." + replacement.AdapterMember;
            }
        }

        return call.Get(parameter.Name);
    }

    /// <summary>An adapter constructor argument, read from the interceptor's own parameters.</summary>
    private static string Value(CallArgument argument, CallSignature signature) => argument.Kind switch
    {
        CallArgumentKind.Literal => argument.Literal!,
        CallArgumentKind.Receiver => "receiver",
        _ => signature.Parameters[argument.Parameter].Name + (argument.Member is null ? string.Empty : "." + argument.Member),
    };
}
