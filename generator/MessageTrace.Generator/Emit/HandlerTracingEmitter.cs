using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Writes a profile's handler-side helpers: start a process span for one message or a batch, with the
/// creation context extracted from the message's headers and the catalogue's attributes recorded.
/// </summary>
internal static class HandlerTracingEmitter
{
    public static string ClassName(BrokerProfile profile) => profile.Id + "HandlerTracing";

    public static void Write(SourceWriter writer, BrokerProfile profile, IncomingMessageShape shape, bool single, bool batch)
    {
        string type = "global::" + shape.TypeName.Replace('+', '.');
        string access = "default(" + shape.Headers.AccessType + ")";
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + ClassName(profile));
        const string Options = "string system, string? template, string? consumerGroup, string messagingNamespace, bool recordBodySize, global::MessageTrace.HandlerParentPolicy policy, out global::OpenTelemetry.Baggage baggage";
        if (single)
        {
            writer.Open($"public static global::System.Diagnostics.Activity? StartProcess({type}? message, {Options})");
            writer.Line("baggage = default;");
            writer.Open("if (!global::MessageTrace.MessageTraceSource.Source.HasListeners())");
            writer.Line("return null;");
            writer.Close();
            writer.Line();
            writer.Comment("A null message or missing, malformed or oversized headers give no context: a root span, no link.");
            writer.Line($"var propagation = message is null ? default : global::MessageTrace.ContextPropagation.Extract({Templates.Message(shape.Headers.HeadersExpression, "message")}, {access});");
            writer.Line($"var activity = global::MessageTrace.MessagingSpans.StartProcess(system, message is null ? null : {Templates.Message(shape.DestinationExpression, "message")}, template, consumerGroup, propagation.ActivityContext, policy);");
            writer.Open("if (activity is not null && activity.IsAllDataRequested)");
            WriteSpanTags(writer, profile);
            writer.Open("if (message is not null)");
            writer.Line("SetMessageTags(activity, message, recordBodySize);");
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Line("baggage = propagation.Baggage;");
            writer.Line("return activity;");
            writer.Close();
            writer.Line();
        }

        if (batch)
        {
            writer.Open($"public static global::System.Diagnostics.Activity? StartBatchProcess(global::System.Collections.Generic.IEnumerable<{type}?>? messages, {Options})");
            writer.Line("baggage = default;");
            writer.Open("if (!global::MessageTrace.MessageTraceSource.Source.HasListeners())");
            writer.Line("return null;");
            writer.Close();
            writer.Line();
            writer.Line("var links = Links(messages, out var destination, out var count);");
            writer.Line("var activity = global::MessageTrace.MessagingSpans.StartBatch(global::MessageTrace.MessagingOperationTypes.Process, global::System.Diagnostics.ActivityKind.Consumer, system, destination, template, consumerGroup, links, count);");
            writer.Open("if (activity is not null && activity.IsAllDataRequested)");
            WriteSpanTags(writer, profile);
            writer.Close();
            writer.Line();
            writer.Line("return activity;");
            writer.Close();
            writer.Line();
        }

        WriteLinks(writer, shape);
        writer.Line();
        writer.Open($"private static void SetMessageTags(global::System.Diagnostics.Activity activity, {type} message, bool recordBodySize)");
        if (shape.MessageIdExpression is { } id)
        {
            writer.Line($"if ({Templates.Message(id, "message")} is {{ Length: > 0 }} id) activity.SetTag(global::MessageTrace.MessagingAttributes.MessageId, id);");
        }

        MessageTagsEmitter.Write(writer, shape.Attributes, "message");
        if (shape.BodySizeExpression is { } bodySize)
        {
            writer.Open($"if (recordBodySize && {Templates.Message(bodySize, "message")} is {{ }} bodySize)");
            writer.Line("activity.SetTag(global::MessageTrace.MessagingAttributes.MessageBodySize, bodySize);");
            writer.Close();
        }

        writer.Close();
        writer.Close();
    }

    /// <summary>Attributes that come from the options, not the message.</summary>
    private static void WriteSpanTags(SourceWriter writer, BrokerProfile profile)
    {
        if (profile.NamespaceAttribute is { } namespaceAttribute)
        {
            writer.Line($"activity.SetTag({Literals.String(namespaceAttribute)}, messagingNamespace);");
        }
    }

    /// <summary>One link per message with a valid creation context, carrying that message's id.</summary>
    public static void WriteLinks(SourceWriter writer, IncomingMessageShape shape)
    {
        string type = "global::" + shape.TypeName.Replace('+', '.');
        string access = "default(" + shape.Headers.AccessType + ")";
        writer.Open($"private static global::System.Collections.Generic.List<global::System.Diagnostics.ActivityLink> Links(global::System.Collections.Generic.IEnumerable<{type}?>? messages, out string? destination, out int count)");
        writer.Line("var links = new global::System.Collections.Generic.List<global::System.Diagnostics.ActivityLink>();");
        writer.Line("destination = null;");
        writer.Line("count = 0;");
        writer.Open("if (messages is null)");
        writer.Line("return links;");
        writer.Close();
        writer.Line();
        writer.Open("foreach (var message in messages)");
        writer.Line("count++;");
        writer.Open("if (message is null)");
        writer.Line("continue;");
        writer.Close();
        writer.Line();
        writer.Line($"destination ??= {Templates.Message(shape.DestinationExpression, "message")};");
        writer.Line($"var context = global::MessageTrace.ContextPropagation.Extract({Templates.Message(shape.Headers.HeadersExpression, "message")}, {access}).ActivityContext;");
        writer.Open("if (context != default)");
        string id = shape.MessageIdExpression is null ? "null" : Templates.Message(shape.MessageIdExpression, "message");
        writer.Line($"links.Add(global::MessageTrace.MessagingSpans.LinkFor(context, {id}));");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return links;");
        writer.Close();
    }
}
