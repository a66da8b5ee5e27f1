using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Emits one file per broker profile with the send interceptors (one method per distinct operation and
/// options, carrying every call site it intercepts) and the traced-send helpers they call, one per
/// operation, written from the operation's recipe.
/// </summary>
internal static class SendEmitter
{
    public static string? Emit(string profileId, IReadOnlyList<SendSite> sites)
    {
        if (sites.Count == 0)
        {
            return null;
        }

        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        GeneratedFile.WriteInterceptsLocationAttribute(writer);
        writer.Open("namespace " + Recognition.KnownNames.GeneratedNamespace);
        var helpers = HelperNames(sites);
        WriteInterceptors(writer, profileId, sites, helpers);
        writer.Line();

        var operations = sites
            .GroupBy(static s => (s.OperationId, s.Signature))
            .Select(static g => g.First())
            .OrderBy(s => helpers[(s.OperationId, s.Signature)], System.StringComparer.Ordinal)
            .ToList();
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profileId + "SendTracing");
        bool first = true;
        foreach (var operation in operations)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteSendHelper(writer, operation, helpers[(operation.OperationId, operation.Signature)]);
        }

        foreach (var copy in operations.Select(static o => o.Recipe.Copy).Where(static c => c is not null).Distinct())
        {
            writer.Line();
            WriteCopy(writer, copy!);
        }

        writer.Close();

        foreach (var access in operations.Select(static o => o.Recipe.Headers.Generated).Where(static g => g is not null).Distinct())
        {
            writer.Line();
            HeaderAccessEmitter.Write(writer, access!);
        }

        writer.Close();
        return writer.ToString();
    }

    /// <summary>
    /// One helper per operation and signature: the same operation called on different receiver types
    /// (NATS <c>NatsClient</c> and <c>NatsConnection</c>) needs a helper for each.
    /// </summary>
    private static Dictionary<(string OperationId, CallSignature Signature), string> HelperNames(IReadOnlyList<SendSite> sites)
    {
        var names = new Dictionary<(string, CallSignature), string>();
        foreach (var operation in InterceptorGroups.Of(sites, static s => (s.OperationId, s.Signature), static s => s.Location).GroupBy(static g => g[0].OperationId))
        {
            int index = 0;
            var groups = operation.ToList();
            foreach (var group in groups)
            {
                names[(operation.Key, group[0].Signature)] = groups.Count == 1 ? operation.Key : operation.Key + "_" + index++;
            }
        }

        return names;
    }

    private static void WriteInterceptors(SourceWriter writer, string profileId, IReadOnlyList<SendSite> sites, Dictionary<(string OperationId, CallSignature Signature), string> helpers)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profileId + "SendInterceptors");
        int number = 0;
        foreach (var group in InterceptorGroups.Of(sites, static s => (s.OperationId, s.Signature, s.Options), static s => s.Location))
        {
            InterceptorGroups.WriteLocations(writer, group, static s => s.Location, first: number == 0);
            var first = group[0];
            var signature = first.Signature;
            var options = first.Options;
            writer.Line($"public static {signature.ReturnType} {first.OperationId}{number++}{SignatureText.TypeParameters(signature)}({ReceiverParameter(signature, "this ")}{SignatureText.Parameters(signature)})");
            SignatureText.WriteConstraints(writer, signature);
            writer.Line($"    => {profileId}SendTracing.{helpers[(first.OperationId, signature)]}({ReceiverArgument(signature)}{SignatureText.Arguments(signature)}, system: {Literals.String(options.System ?? first.System)}, template: {Literals.String(options.Destination)}, messagingNamespace: {Literals.String(options.Namespace ?? string.Empty)}, recordBodySize: {Literals.Bool(options.RecordBodySize)});");
        }

        writer.Close();
    }

    private static void WriteSendHelper(SourceWriter writer, SendSite site, string name)
    {
        var signature = site.Signature;
        var recipe = site.Recipe;
        string access = "default(" + recipe.Headers.AccessType + ")";
        string call = Call(signature, recipe.PassThroughWhen);
        string tracedCall = recipe.TracedCall ?? call;
        var copy = recipe.Copy;
        string? copied = copy is null ? null : signature.Parameters[copy.Parameter].Name;

        if (recipe.ResultMessageId is not null && signature.AwaitedResultType is { } resultType)
        {
            writer.Line($"private static readonly global::System.Action<global::System.Diagnostics.Activity, {resultType}> s_{name}Result =");
            writer.Line($"    static (activity, result) => activity.SetTag(global::MessageTrace.MessagingAttributes.MessageId, {recipe.ResultMessageId});");
            writer.Line();
        }

        writer.Line($"public static {signature.ReturnType} {name}{SignatureText.TypeParameters(signature)}({ReceiverParameter(signature, string.Empty)}{SignatureText.Parameters(signature)}, string system, string? template, string messagingNamespace, bool recordBodySize)");
        SignatureText.WriteConstraints(writer, signature);
        writer.Open(string.Empty);
        string passThrough = recipe.PassThroughWhen is null ? string.Empty : recipe.PassThroughWhen + " || ";
        if (copy is not null)
        {
            if (recipe.PassThroughWhen is not null)
            {
                writer.Open($"if ({recipe.PassThroughWhen})");
                WriteReturn(writer, signature, call);
                writer.Close();
                writer.Line();
            }

            writer.Open("if (!global::MessageTrace.ProducerContext.IsActive)");
            writer.Comment("Untraced, but never with the context MessageTrace wrote for an earlier send of shared headers.");
            writer.Open($"if (global::MessageTrace.ProducerContext.HoldsEarlierContext({recipe.Carrier}, {access}) && TryCopyWithoutContext({copied}, out var untraced))");
            writer.Line($"{copied} = untraced;");
            writer.Close();
            writer.Line();
            WriteReturn(writer, signature, call);
            writer.Close();
        }
        else
        {
            writer.Open($"if ({passThrough}!global::MessageTrace.ProducerContext.IsActive)");
            WriteReturn(writer, signature, call);
            writer.Close();
        }

        writer.Line();
        if (recipe.PrepareCarrier is not null)
        {
            writer.Block(recipe.PrepareCarrier);
        }

        writer.Line($"var headers = {recipe.Carrier};");
        writer.Line($"var state = global::MessageTrace.ProducerContext.Inspect(headers, out var userContext, {access});");
        if (copy is not null)
        {
            writer.Comment("A traceparent we wrote for an earlier send of a message sharing these headers belongs to that send.");
            writer.Open($"if (state == global::MessageTrace.CarrierState.WrittenForEarlierSend && TryCopyWithoutContext({copied}, out var copy))");
            writer.Line($"{copied} = copy;");
            writer.Line($"headers = {recipe.Carrier};");
            writer.Line("state = global::MessageTrace.CarrierState.Empty;");
            writer.Close();
            writer.Line();
        }

        writer.Line("var previous = global::System.Diagnostics.Activity.Current;");
        writer.Line($"var activity = global::MessageTrace.MessagingSpans.StartSend(system, {recipe.Destination}, template, userContext);");
        if (HasTags(site))
        {
            writer.Open("if (activity is not null && activity.IsAllDataRequested)");
            WriteTags(writer, site);
            writer.Close();
            writer.Line();
        }
        writer.Open("if (state == global::MessageTrace.CarrierState.Empty)");
        writer.Comment("Our span's context, or the ambient one when our span was not created: the chain stays unbroken.");
        writer.Line("var context = activity?.Context ?? previous?.Context ?? default;");
        if (copy is not null)
        {
            writer.Comment("Losing the race for headers shared with a concurrent send: inject into a copy instead.");
            writer.Open($"if (!global::MessageTrace.ProducerContext.TryInject(headers, context, false, {access}) && TryCopyWithoutContext({copied}, out var fresh))");
            writer.Line($"{copied} = fresh;");
            writer.Line($"global::MessageTrace.ProducerContext.TryInject({recipe.Carrier}, context, false, {access});");
            writer.Close();
        }
        else
        {
            writer.Line($"global::MessageTrace.ProducerContext.TryInject(headers, context, false, {access});");
        }

        writer.Close();
        if (copy is null)
        {
            writer.Open("else if (state == global::MessageTrace.CarrierState.WrittenForEarlierSend)");
            writer.Comment("Headers reused from an earlier send still hold its context: replace it with this send's.");
            writer.Line("var context = activity?.Context ?? previous?.Context ?? default;");
            writer.Line($"global::MessageTrace.ProducerContext.TryInject(headers, context, true, {access});");
            writer.Close();
        }
        writer.Line();
        writer.Open("if (activity is null)");
        WriteReturn(writer, signature, tracedCall);
        writer.Close();
        writer.Line();
        writer.Open("try");
        if (signature.ReturnShape == ReturnShape.Void)
        {
            writer.Line(tracedCall + ";");
            writer.Line("activity.Stop();");
        }
        else
        {
            writer.Line("return " + Completion(signature, tracedCall, site, name));
        }

        writer.Close();
        writer.Line("catch (global::System.Exception exception) when (global::MessageTrace.SpanFailure.RecordAndStop(activity, exception))");
        writer.Open(string.Empty);
        writer.Line("throw;");
        writer.Close();
        writer.Line("finally");
        writer.Open(string.Empty);
        writer.Comment("The send span must not stay current in the caller once the call has been made.");
        writer.Line("global::System.Diagnostics.Activity.Current = previous;");
        writer.Close();
        writer.Close();
    }

    private static bool HasTags(SendSite site) =>
        site.NamespaceAttribute is not null || site.Recipe.MessageType is not null || site.Recipe.Attributes.Count > 0 || site.Recipe.BodySize is not null;

    private static void WriteTags(SourceWriter writer, SendSite site)
    {
        var recipe = site.Recipe;
        if (site.NamespaceAttribute is { } namespaceAttribute)
        {
            writer.Line($"activity.SetTag({Literals.String(namespaceAttribute)}, messagingNamespace);");
        }

        if (recipe.MessageType is { } messageType)
        {
            string value = recipe.MessageTypeOverride is { } fixedType ? Literals.String(fixedType) : messageType.Expression;
            writer.Line($"activity.SetTag({Literals.String(messageType.AttributeName)}, {value});");
        }

        MessageTagsEmitter.Write(writer, recipe.Attributes, message: string.Empty);
        if (recipe.BodySize is { } bodySize)
        {
            writer.Open($"if (recordBodySize && {bodySize} is {{ }} bodySize)");
            writer.Line("activity.SetTag(global::MessageTrace.MessagingAttributes.MessageBodySize, bodySize);");
            writer.Close();
        }
    }

    private static string Completion(CallSignature signature, string call, SendSite site, string name)
    {
        string onResult = site.Recipe.ResultMessageId is not null && signature.AwaitedResultType is not null
            ? "s_" + name + "Result"
            : "null";
        return signature.ReturnShape switch
        {
            ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT => $"global::MessageTrace.SpanCompletion.StopWhenDone({call}, activity, {onResult});",
            ReturnShape.Task or ReturnShape.ValueTask => $"global::MessageTrace.SpanCompletion.StopWhenDone({call}, activity);",
            _ => $"global::MessageTrace.SpanCompletion.StopAfter({call}, activity);",
        };
    }

    private static void WriteCopy(SourceWriter writer, CopyRecipe copy)
    {
        string type = copy.MessageType;
        writer.Comment("A copy with headers of its own; false (and the original sent untouched) if the client refuses it.");
        writer.Open($"private static bool TryCopyWithoutContext({type} message, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {type}? copy)");
        writer.Open("try");
        writer.Line("copy = Copy(message);");
        writer.Line("return true;");
        writer.Close();
        writer.Line("catch (global::System.Exception)");
        writer.Open(string.Empty);
        writer.Line("copy = null;");
        writer.Line("return false;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open($"private static {type} Copy({type} message)");
        writer.Block(copy.Body);
        writer.Close();
    }

    /// <summary>
    /// The original call. Extensions are called in static form (their namespace is not imported here);
    /// an argument the pass-through condition tested for null carries <c>!</c>, so the call compiles
    /// exactly as the user's did.
    /// </summary>
    private static string Call(CallSignature signature, string? passThroughWhen)
    {
        string arguments = string.Join(", ", signature.Parameters.Select(p =>
            p.RefKind.Length == 0 && passThroughWhen is not null && MentionsParameter(passThroughWhen, p.Name) ? p.Name + "!" : p.RefKind + p.Name));
        if (signature.IsExtension)
        {
            return $"{signature.DeclaringType}.{signature.MethodName}(receiver, {arguments})";
        }

        return (signature.ReceiverType is null ? signature.DeclaringType : "receiver") + "." + signature.MethodName + "(" + arguments + ")";
    }

    private static bool MentionsParameter(string condition, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(condition, @"\b" + name + @"\b");

    private static void WriteReturn(SourceWriter writer, CallSignature signature, string call)
    {
        if (signature.ReturnShape == ReturnShape.Void)
        {
            writer.Line(call + ";");
            writer.Line("return;");
        }
        else
        {
            writer.Line("return " + call + ";");
        }
    }

    private static string ReceiverParameter(CallSignature signature, string modifier) =>
        signature.ReceiverType is null ? string.Empty : modifier + signature.ReceiverType + " receiver, ";

    private static string ReceiverArgument(CallSignature signature) => signature.ReceiverType is null ? string.Empty : "receiver, ";
}
