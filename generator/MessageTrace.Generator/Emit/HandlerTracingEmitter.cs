using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Writes a profile's handler-side helpers: start a process span for one message or a batch of each
/// message type the handlers take, with the creation context extracted from the message's headers and
/// the catalogue's attributes recorded.
/// </summary>
internal static class HandlerTracingEmitter
{
    private const string Options = "string system, string? template, string? consumerGroup, string messagingNamespace, bool recordBodySize, global::MessageTrace.HandlerParentPolicy policy, out global::OpenTelemetry.Baggage baggage";

    public static string ClassName(BrokerProfile profile) => profile.Id + "HandlerTracing";

    public static void Write(SourceWriter writer, BrokerProfile profile, IReadOnlyCollection<HandlerModel> handlers)
    {
        var shapes = handlers
            .GroupBy(static h => h.Message)
            .Select(static g => (Shape: g.Key, Single: g.Any(static h => h.Arity == MessageArity.Single), Batch: g.Any(static h => h.Arity == MessageArity.Batch)))
            .OrderBy(static s => s.Shape.TypeName, System.StringComparer.Ordinal)
            .ToList();
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + ClassName(profile));
        bool first = true;
        foreach (var (shape, single, batch) in shapes)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            if (single)
            {
                WriteStartProcess(writer, shape);
                writer.Line();
            }

            if (batch)
            {
                WriteStartBatchProcess(writer, shape);
                writer.Line();
                WriteLinks(writer, shape);
                writer.Line();
            }

            WriteSetMessageTags(writer, shape);
        }

        writer.Close();

        foreach (var access in shapes.Select(static s => s.Shape.Headers.Generated).Where(static g => g is not null).Distinct())
        {
            writer.Line();
            HeaderAccessEmitter.Write(writer, access!);
        }
    }

    /// <summary>The message type as emitted, with type parameters <c>T0..</c> for generic message types.</summary>
    public static string TypeOf(IncomingMessageShape shape) => shape.EmittedTypeName ??
        "global::" + shape.TypeName.Replace('+', '.') + (shape.GenericArity == 0 ? string.Empty : "<" + TypeParameterNames(shape) + ">");

    public static string GenericSuffix(IncomingMessageShape shape) =>
        shape.GenericArity == 0 ? string.Empty : "<" + TypeParameterNames(shape) + ">";

    private static string TypeParameterNames(IncomingMessageShape shape) =>
        string.Join(", ", Enumerable.Range(0, shape.GenericArity).Select(static i => "T" + i));

    private static string Nullable(IncomingMessageShape shape) => shape.IsValueType ? string.Empty : "?";

    private static string IsNull(IncomingMessageShape shape, string message) => shape.IsValueType ? "false" : message + " is null";

    private static void WriteStartProcess(SourceWriter writer, IncomingMessageShape shape)
    {
        string type = TypeOf(shape);
        string access = "default(" + shape.Headers.AccessType + ")";
        writer.Open($"public static global::System.Diagnostics.Activity? StartProcess{GenericSuffix(shape)}({type}{Nullable(shape)} message, {Options})");
        writer.Line("baggage = default;");
        writer.Open("if (!global::MessageTrace.MessageTraceSource.Source.HasListeners())");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        writer.Comment("A null message or missing, malformed or oversized headers give no context: a root span, no link.");
        string isNull = IsNull(shape, "message");
        string carrier = Templates.Message(shape.CarrierExpression, "message");
        string destination = Templates.Message(shape.DestinationExpression, "message");
        writer.Line(shape.IsValueType
            ? $"var propagation = global::MessageTrace.ContextPropagation.Extract({carrier}, {access});"
            : $"var propagation = {isNull} ? default : global::MessageTrace.ContextPropagation.Extract({carrier}, {access});");
        writer.Line(shape.IsValueType
            ? $"var activity = global::MessageTrace.MessagingSpans.StartProcess(system, {destination}, template, consumerGroup, propagation.ActivityContext, policy);"
            : $"var activity = global::MessageTrace.MessagingSpans.StartProcess(system, {isNull} ? null : {destination}, template, consumerGroup, propagation.ActivityContext, policy);");
        writer.Open("if (activity is not null && activity.IsAllDataRequested)");
        WriteSpanTags(writer, shape);
        if (shape.IsValueType)
        {
            writer.Line("SetMessageTags(activity, message, recordBodySize);");
        }
        else
        {
            writer.Open("if (message is not null)");
            writer.Line("SetMessageTags(activity, message, recordBodySize);");
            writer.Close();
        }

        writer.Close();
        writer.Line();
        writer.Line("baggage = propagation.Baggage;");
        writer.Line("return activity;");
        writer.Close();
    }

    private static void WriteStartBatchProcess(SourceWriter writer, IncomingMessageShape shape)
    {
        string type = TypeOf(shape);
        writer.Open($"public static global::System.Diagnostics.Activity? StartBatchProcess{GenericSuffix(shape)}(global::System.Collections.Generic.IEnumerable<{type}{Nullable(shape)}>? messages, {Options})");
        writer.Line("baggage = default;");
        writer.Open("if (!global::MessageTrace.MessageTraceSource.Source.HasListeners())");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        writer.Comment("A batch has many creation contexts: the span hangs under the ambient span and links each message.");
        writer.Line("var links = Links(messages, out var destination, out var count);");
        writer.Line("var activity = global::MessageTrace.MessagingSpans.StartBatch(global::MessageTrace.MessagingOperationTypes.Process, global::System.Diagnostics.ActivityKind.Consumer, system, destination, template, consumerGroup, links, count);");
        writer.Open("if (activity is not null && activity.IsAllDataRequested)");
        WriteSpanTags(writer, shape);
        writer.Close();
        writer.Line();
        writer.Line("return activity;");
        writer.Close();
    }

    /// <summary>Attributes that come from the options, not the message.</summary>
    private static void WriteSpanTags(SourceWriter writer, IncomingMessageShape shape)
    {
        if (shape.NamespaceAttribute is { } namespaceAttribute)
        {
            writer.Line($"activity.SetTag({Literals.String(namespaceAttribute)}, messagingNamespace);");
        }
    }

    private static void WriteSetMessageTags(SourceWriter writer, IncomingMessageShape shape)
    {
        writer.Open($"private static void SetMessageTags{GenericSuffix(shape)}(global::System.Diagnostics.Activity activity, {TypeOf(shape)} message, bool recordBodySize)");
        if (shape.MessageIdExpression is { } id)
        {
            writer.Line($"if ({Templates.Message(id, "message")} is {{ Length: > 0 }} id) activity.SetTag(global::MessageTrace.MessagingAttributes.MessageId, id);");
        }

        MessageTagsEmitter.Write(writer, shape.Attributes, "message");
        if (shape.BodySizeExpression is { } bodySize)
        {
            writer.Open("if (recordBodySize)");
            writer.Line($"activity.SetTag(global::MessageTrace.MessagingAttributes.MessageBodySize, {Templates.Message(bodySize, "message")});");
            writer.Close();
        }

        writer.Close();
    }

    /// <summary>One link per message with a valid creation context, carrying that message's id.</summary>
    public static void WriteLinks(SourceWriter writer, IncomingMessageShape shape)
    {
        string type = TypeOf(shape);
        string access = "default(" + shape.Headers.AccessType + ")";
        writer.Open($"private static global::System.Collections.Generic.List<global::System.Diagnostics.ActivityLink> Links{GenericSuffix(shape)}(global::System.Collections.Generic.IEnumerable<{type}{Nullable(shape)}>? messages, out string? destination, out int count)");
        writer.Line("var links = new global::System.Collections.Generic.List<global::System.Diagnostics.ActivityLink>();");
        writer.Line("destination = null;");
        writer.Line("count = 0;");
        writer.Open("if (messages is null)");
        writer.Line("return links;");
        writer.Close();
        writer.Line();
        writer.Open("foreach (var message in messages)");
        writer.Line("count++;");
        if (!shape.IsValueType)
        {
            writer.Open("if (message is null)");
            writer.Line("continue;");
            writer.Close();
            writer.Line();
        }

        writer.Line($"destination ??= {Templates.Message(shape.DestinationExpression, "message")};");
        writer.Line($"var context = global::MessageTrace.ContextPropagation.Extract({Templates.Message(shape.CarrierExpression, "message")}, {access}).ActivityContext;");
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
