using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Emits one file per broker profile with the send interceptors (one method per distinct operation
/// and options, carrying every call site it intercepts) and the traced-send helpers they call.
/// </summary>
internal static class SendEmitter
{
    public static string? Emit(BrokerProfile profile, IReadOnlyList<SendSite> sites)
    {
        if (sites.Count == 0 || profile.OutgoingMessage is not { } shape)
        {
            return null;
        }

        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        GeneratedFile.WriteInterceptsLocationAttribute(writer);
        writer.Open("namespace " + Recognition.KnownNames.GeneratedNamespace);

        WriteInterceptors(writer, profile, sites);
        writer.Line();
        WriteHelpers(writer, profile, shape, sites.Select(static s => (s.OperationId, s.Signature)).Distinct().ToList());

        writer.Close();
        return writer.ToString();
    }

    private static void WriteInterceptors(SourceWriter writer, BrokerProfile profile, IReadOnlyList<SendSite> sites)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profile.Id + "SendInterceptors");
        var groups = sites
            .GroupBy(static s => (s.OperationId, s.Signature, s.Options))
            .Select(static g => (g.Key, Sites: g.OrderBy(static s => s.Location.Display, System.StringComparer.Ordinal).ThenBy(static s => s.Location.Data, System.StringComparer.Ordinal).ToList()))
            .OrderBy(static g => g.Sites[0].Location.Display, System.StringComparer.Ordinal)
            .ThenBy(static g => g.Sites[0].Location.Data, System.StringComparer.Ordinal)
            .ToList();

        int number = 0;
        foreach (var (key, groupSites) in groups)
        {
            if (number > 0)
            {
                writer.Line();
            }

            foreach (var site in groupSites)
            {
                GeneratedFile.WriteInterceptsLocation(writer, site.Location);
            }

            var signature = key.Signature;
            string parameters = string.Join(", ", signature.Parameters.Select(static p => p.RefKind + p.Type + " " + p.Name));
            string receiver = signature.ReceiverType is null ? string.Empty : "this " + signature.ReceiverType + " receiver, ";
            writer.Line($"public static {signature.ReturnType} {key.OperationId}{number++}({receiver}{parameters})");
            string arguments = string.Join(", ", signature.Parameters.Select(static p => p.RefKind + p.Name));
            var options = key.Options;
            writer.Line("    => " + profile.Id + "SendTracing." + key.OperationId + "(receiver, " + arguments
                + ", system: " + Literals.String(options.System ?? profile.System)
                + ", template: " + Literals.String(options.Destination)
                + ", messagingNamespace: " + Literals.String(options.Namespace ?? string.Empty)
                + ", recordBodySize: " + Literals.Bool(options.RecordBodySize) + ");");
        }

        writer.Close();
    }

    private static void WriteHelpers(SourceWriter writer, BrokerProfile profile, OutgoingMessageShape shape, List<(string OperationId, CallSignature Signature)> operations)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profile.Id + "SendTracing");
        string access = "default(" + shape.Headers.AccessType + ")";
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (operationId, signature) in operations.OrderBy(static o => o.OperationId, System.StringComparer.Ordinal))
        {
            if (!seen.Add(operationId) || BrokerCatalog.FindSend(operationId) is not { } found)
            {
                continue;
            }

            WriteSendHelper(writer, profile, shape, found.Operation, signature, access);
            writer.Line();
        }

        WriteSetTags(writer, profile, shape);
        if (shape.CopyWithoutContextBody is not null)
        {
            writer.Line();
            WriteCopy(writer, shape);
        }

        writer.Close();
    }

    private static void WriteSendHelper(SourceWriter writer, BrokerProfile profile, OutgoingMessageShape shape, SendOperation operation, CallSignature signature, string access)
    {
        string message = signature.Parameters[operation.MessageParameter].Name;
        string parameters = string.Join(", ", signature.Parameters.Select(static p => p.RefKind + p.Type + " " + p.Name));
        string arguments = string.Join(", ", signature.Parameters.Select(static p => p.RefKind + p.Name));
        string call = "receiver." + signature.MethodName + "(" + arguments + ")";
        string headers = Templates.Message(shape.Headers.HeadersExpression, message);
        bool canCopy = shape.CopyWithoutContextBody is not null;

        if (operation.ResultMessageIdExpression is not null && signature.AwaitedResultType is { } resultType)
        {
            writer.Line($"private static readonly global::System.Action<global::System.Diagnostics.Activity, {resultType}> s_{operation.Id}Result =");
            writer.Line("    static (activity, result) => activity.SetTag(global::MessageTrace.MessagingAttributes.MessageId, " + Templates.Result(operation.ResultMessageIdExpression, "result") + ");");
            writer.Line();
        }

        writer.Open($"public static {signature.ReturnType} {operation.Id}({signature.ReceiverType} receiver, {parameters}, string system, string? template, string messagingNamespace, bool recordBodySize)");
        writer.Open($"if ({message} is null || !global::MessageTrace.ProducerContext.IsActive)");
        writer.Line("return " + call + ";");
        writer.Close();
        writer.Line();
        writer.Line($"var headers = {headers};");
        writer.Line($"var state = global::MessageTrace.ProducerContext.Inspect(headers, out var userContext, {access});");
        if (canCopy)
        {
            writer.Comment("A traceparent we wrote for an earlier send of a message sharing these headers belongs to that send.");
            writer.Open($"if (state == global::MessageTrace.CarrierState.WrittenForEarlierSend && TryCopyWithoutContext({message}, out var copy))");
            writer.Line($"{message} = copy;");
            writer.Line($"headers = {headers};");
            writer.Line("state = global::MessageTrace.CarrierState.Empty;");
            writer.Close();
            writer.Line();
        }

        writer.Line("var previous = global::System.Diagnostics.Activity.Current;");
        writer.Line($"var activity = global::MessageTrace.MessagingSpans.StartSend(system, {Templates.Message(shape.DestinationExpression, message)}, template, userContext);");
        writer.Open("if (activity is not null && activity.IsAllDataRequested)");
        writer.Line($"SetMessageTags(activity, {message}, messagingNamespace, recordBodySize, {Literals.String(operation.MessageTypeOverride)});");
        writer.Close();
        writer.Line();
        writer.Open("if (state == global::MessageTrace.CarrierState.Empty)");
        writer.Comment("Our span's context, or the ambient one when our span was not created: the chain stays unbroken.");
        writer.Line("var context = activity?.Context ?? previous?.Context ?? default;");
        if (canCopy)
        {
            writer.Comment("Losing the race for headers shared with a concurrent send: inject into a copy instead.");
            writer.Open($"if (!global::MessageTrace.ProducerContext.TryInject(headers, context, false, {access}) && TryCopyWithoutContext({message}, out var fresh))");
            writer.Line($"{message} = fresh;");
            writer.Line($"global::MessageTrace.ProducerContext.TryInject({headers}, context, false, {access});");
            writer.Close();
        }
        else
        {
            writer.Line($"global::MessageTrace.ProducerContext.TryInject(headers, context, false, {access});");
        }

        writer.Close();
        writer.Line();
        writer.Open("if (activity is null)");
        writer.Line("return " + call + ";");
        writer.Close();
        writer.Line();
        writer.Open("try");
        writer.Line("return " + Completion(signature, call, operation));
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

    private static string Completion(CallSignature signature, string call, SendOperation operation)
    {
        string onResult = operation.ResultMessageIdExpression is not null && signature.AwaitedResultType is not null
            ? "s_" + operation.Id + "Result"
            : "null";
        return signature.ReturnShape switch
        {
            ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT => $"global::MessageTrace.SpanCompletion.StopWhenDone({call}, activity, {onResult});",
            ReturnShape.Task or ReturnShape.ValueTask => $"global::MessageTrace.SpanCompletion.StopWhenDone({call}, activity);",
            _ => $"global::MessageTrace.SpanCompletion.StopAfter({call}, activity);",
        };
    }

    private static void WriteSetTags(SourceWriter writer, BrokerProfile profile, OutgoingMessageShape shape)
    {
        writer.Open($"private static void SetMessageTags(global::System.Diagnostics.Activity activity, global::{shape.TypeName.Replace('+', '.')} message, string messagingNamespace, bool recordBodySize, string? messageTypeOverride)");
        if (profile.NamespaceAttribute is { } namespaceAttribute)
        {
            writer.Line($"activity.SetTag({Literals.String(namespaceAttribute)}, messagingNamespace);");
        }

        if (shape.MessageType is { } messageType)
        {
            writer.Line($"activity.SetTag({Literals.String(messageType.AttributeName)}, messageTypeOverride ?? ({Templates.Message(messageType.Expression, "message")}));");
        }

        MessageTagsEmitter.Write(writer, shape.Attributes, "message");
        if (shape.BodySizeExpression is { } bodySize)
        {
            writer.Open($"if (recordBodySize && {Templates.Message(bodySize, "message")} is {{ }} bodySize)");
            writer.Line("activity.SetTag(global::MessageTrace.MessagingAttributes.MessageBodySize, bodySize);");
            writer.Close();
        }

        writer.Close();
    }

    private static void WriteCopy(SourceWriter writer, OutgoingMessageShape shape)
    {
        string type = "global::" + shape.TypeName.Replace('+', '.');
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
        writer.Block(shape.CopyWithoutContextBody!);
        writer.Close();
    }
}
