using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Emits one file per broker profile for pull consumers: <c>receive</c> spans around receive calls
/// (only when messages arrived, one link per message) and <c>settle</c> spans around acknowledgements
/// where the options ask for them.
/// </summary>
internal static class ConsumerEmitter
{
    public static string? Emit(BrokerProfile profile, IReadOnlyList<ConsumerSite> sites)
    {
        if (sites.Count == 0 || profile.IncomingMessages.Count == 0)
        {
            return null;
        }

        var shape = profile.IncomingMessages[0];

        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        GeneratedFile.WriteInterceptsLocationAttribute(writer);
        writer.Open("namespace " + Recognition.KnownNames.GeneratedNamespace);
        WriteInterceptors(writer, profile, sites);
        writer.Line();
        WriteHelpers(writer, profile, shape, sites);
        writer.Close();
        return writer.ToString();
    }

    private static void WriteInterceptors(SourceWriter writer, BrokerProfile profile, IReadOnlyList<ConsumerSite> sites)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profile.Id + "ConsumerInterceptors");
        int number = 0;
        foreach (var group in InterceptorGroups.Of(sites, static s => (s.OperationId, s.Signature, s.Options), static s => s.Location))
        {
            InterceptorGroups.WriteLocations(writer, group, static s => s.Location, first: number == 0);
            var first = group[0];
            var signature = first.Signature;
            string parameters = SignatureText.Parameters(signature);
            string arguments = SignatureText.Arguments(signature);
            var options = first.Options;
            writer.Line($"public static {signature.ReturnType} {first.OperationId}{number++}(this {signature.ReceiverType} receiver, {parameters})");
            writer.Line($"    => {profile.Id}ConsumerTracing.{first.OperationId}(receiver, {arguments}, {Literals.String(options.System ?? profile.System)}, {Literals.String(options.Destination)}, {Literals.String(options.ConsumerGroup)}, {Literals.String(options.Namespace ?? string.Empty)});");
        }

        writer.Close();
    }

    private static void WriteHelpers(SourceWriter writer, BrokerProfile profile, IncomingMessageShape shape, IReadOnlyList<ConsumerSite> sites)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profile.Id + "ConsumerTracing");
        const string Options = "string system, string? template, string? consumerGroup, string messagingNamespace";
        bool first = true;
        foreach (var site in sites.GroupBy(static s => s.OperationId).Select(static g => g.First()).OrderBy(static s => s.OperationId, System.StringComparer.Ordinal))
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var signature = site.Signature;
            string parameters = SignatureText.Parameters(signature);
            string arguments = SignatureText.Arguments(signature);
            string call = $"receiver.{signature.MethodName}({arguments})";
            if (site.Operation == ConsumerOperation.Receive)
            {
                WriteReceive(writer, profile, shape, site, parameters, arguments, call, Options);
            }
            else
            {
                WriteSettle(writer, profile, shape, site, parameters, call, Options);
            }
        }

        if (sites.Any(static s => s.Operation == ConsumerOperation.Receive))
        {
            writer.Line();
            HandlerTracingEmitter.WriteLinks(writer, shape);
        }

        writer.Line();
        writer.Open("private static void SetSpanTags(global::System.Diagnostics.Activity activity, string messagingNamespace)");
        if (shape.NamespaceAttribute is { } namespaceAttribute)
        {
            writer.Line($"activity.SetTag({Literals.String(namespaceAttribute)}, messagingNamespace);");
        }

        writer.Close();
        writer.Close();
    }

    private static void WriteReceive(SourceWriter writer, BrokerProfile profile, IncomingMessageShape shape, ConsumerSite site, string parameters, string arguments, string call, string options)
    {
        var signature = site.Signature;
        writer.Open($"public static {signature.ReturnType} {site.OperationId}({signature.ReceiverType} receiver, {parameters}, {options})");
        writer.Open("if (!global::MessageTrace.MessageTraceSource.Source.HasListeners())");
        writer.Line("return " + call + ";");
        writer.Close();
        writer.Line();
        writer.Line($"return {site.OperationId}Traced(receiver, {arguments}, system, template, consumerGroup, messagingNamespace);");
        writer.Close();
        writer.Line();
        writer.Open($"private static async {signature.ReturnType} {site.OperationId}Traced({signature.ReceiverType} receiver, {parameters}, {options})");
        writer.Line("var startTime = global::System.DateTimeOffset.UtcNow;");
        writer.Line($"{signature.AwaitedResultType} messages;");
        writer.Open("try");
        writer.Line($"messages = await {call}.ConfigureAwait(false);");
        writer.Close();
        writer.Line("catch (global::System.Exception exception) when (RecordFailedReceive(exception, startTime, system, template, consumerGroup, messagingNamespace))");
        writer.Open(string.Empty);
        writer.Line("throw;");
        writer.Close();
        writer.Line();
        writer.Comment("An empty pull gets no span, as the conventions ask.");
        writer.Open("if (messages is { Count: > 0 })");
        writer.Line("var links = Links(messages, out var destination, out var count);");
        writer.Line("var activity = global::MessageTrace.MessagingSpans.StartBatch(global::MessageTrace.MessagingOperationTypes.Receive, global::System.Diagnostics.ActivityKind.Client, system, destination, template, consumerGroup, links, count, startTime);");
        writer.Open("if (activity is not null)");
        writer.Open("if (activity.IsAllDataRequested)");
        writer.Line("SetSpanTags(activity, messagingNamespace);");
        writer.Close();
        writer.Line();
        writer.Line("activity.Stop();");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return messages;");
        writer.Close();
        writer.Line();
        writer.Open($"private static bool RecordFailedReceive(global::System.Exception exception, global::System.DateTimeOffset startTime, {options})");
        writer.Line("var activity = global::MessageTrace.MessagingSpans.StartBatch(global::MessageTrace.MessagingOperationTypes.Receive, global::System.Diagnostics.ActivityKind.Client, system, null, template, consumerGroup, null, 0, startTime);");
        writer.Open("if (activity is not null && activity.IsAllDataRequested)");
        writer.Line("SetSpanTags(activity, messagingNamespace);");
        writer.Close();
        writer.Line();
        writer.Line("return global::MessageTrace.SpanFailure.RecordAndStop(activity, exception);");
        writer.Close();
    }

    private static void WriteSettle(SourceWriter writer, BrokerProfile profile, IncomingMessageShape shape, ConsumerSite site, string parameters, string call, string options)
    {
        var signature = site.Signature;
        var settle = profile.Settles.First(s => s.Id == site.OperationId);
        string message = signature.Parameters[0].Name;
        string access = "default(" + shape.Headers.AccessType + ")";
        writer.Open($"public static {signature.ReturnType} {site.OperationId}({signature.ReceiverType} receiver, {parameters}, {options})");
        writer.Open("if (!global::MessageTrace.MessageTraceSource.Source.HasListeners())");
        writer.Line("return " + call + ";");
        writer.Close();
        writer.Line();
        writer.Line($"var context = {message} is null ? default : global::MessageTrace.ContextPropagation.Extract({Templates.Message(shape.CarrierExpression, message)}, {access}).ActivityContext;");
        writer.Line("var previous = global::System.Diagnostics.Activity.Current;");
        writer.Line($"var activity = global::MessageTrace.MessagingSpans.StartSettle(system, {Literals.String(settle.OperationName)}, {message} is null ? null : {Templates.Message(shape.DestinationExpression, message)}, consumerGroup, context);");
        writer.Open("if (activity is null)");
        writer.Line("return " + call + ";");
        writer.Close();
        writer.Line();
        writer.Open("if (activity.IsAllDataRequested)");
        writer.Line("SetSpanTags(activity, messagingNamespace);");
        if (shape.MessageIdExpression is { } id)
        {
            writer.Line($"if ({message} is not null && {Templates.Message(id, message)} is {{ Length: > 0 }} id) activity.SetTag(global::MessageTrace.MessagingAttributes.MessageId, id);");
        }

        writer.Close();
        writer.Line();
        writer.Open("try");
        writer.Line($"return global::MessageTrace.SpanCompletion.StopWhenDone({call}, activity);");
        writer.Close();
        writer.Line("catch (global::System.Exception exception) when (global::MessageTrace.SpanFailure.RecordAndStop(activity, exception))");
        writer.Open(string.Empty);
        writer.Line("throw;");
        writer.Close();
        writer.Line("finally");
        writer.Open(string.Empty);
        writer.Line("global::System.Diagnostics.Activity.Current = previous;");
        writer.Close();
        writer.Close();
    }
}
