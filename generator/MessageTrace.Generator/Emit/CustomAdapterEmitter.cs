namespace MessageTrace.Generator.Emit;

/// <summary>
/// Writes the adapters of a user-defined message type whose <c>[MessageHeaders]</c> property carries the
/// headers: where they are, whether they can be created, and the destination and id properties it has.
/// </summary>
internal static class CustomAdapterEmitter
{
    public static void Write(SourceWriter writer, Profiles.CustomCarrierAdapter carrier, bool outgoing)
    {
        string access = carrier.ObjectValues ? "global::MessageTrace.ObjectDictionaryHeaders" : "global::MessageTrace.StringDictionaryHeaders";
        string nullable = carrier.IsValueType ? string.Empty : "?";
        string dot = carrier.IsValueType ? "." : "?.";
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        if (outgoing)
        {
            writer.Comment($"A {carrier.MessageType} being sent: its [MessageHeaders] {carrier.HeadersProperty} carry the context.");
            string destinationParameter = carrier.DestinationProperty is null ? ", string? destination" : string.Empty;
            writer.Open($"file struct {carrier.Name}Outgoing({carrier.MessageType}{nullable} message{destinationParameter}) : global::MessageTrace.IOutgoingMessage");
            string headers = "message" + dot + carrier.HeadersProperty;
            writer.Line($"public readonly bool HasMessage => {(carrier.IsValueType ? "true" : "message is not null")};");
            writer.Line($"public readonly string? Destination => {(carrier.DestinationProperty is { } d ? "message" + dot + d : "destination")};");
            writer.Line($"public readonly object? Headers => {headers};");
            writer.Line("public readonly bool SharesHeaders => false;");
            writer.Line($"public readonly bool PrefersUtf8 => {Literals.Bool(carrier.ObjectValues)};");
            writer.Line($"public readonly bool CanWrite => default({access}).CanWrite({headers});");
            writer.Line(carrier.CanCreateHeaders
                ? $"public readonly void PrepareHeaders() => message!.{carrier.HeadersProperty} ??= new global::System.Collections.Generic.Dictionary<string, {(carrier.ObjectValues ? "object?" : "string")}>();"
                : "public readonly void PrepareHeaders() { }");
            writer.Line($"public readonly bool TryRead(string name, out global::MessageTrace.HeaderValue value) => default({access}).TryRead({headers}, name, out value);");
            writer.Line($"public readonly void Write(string name, string value) => default({access}).Write({headers}, name, value);");
            writer.Line($"public readonly void WriteUtf8(string name, byte[] value) => default({access}).WriteUtf8({headers}, name, value);");
            writer.Line($"public readonly bool IsWrittenByMessageTrace(string ourKey) => default({access}).IsWrittenByMessageTrace({headers}, ourKey);");
            writer.Line($"public readonly void Remove(string name) => default({access}).Remove({headers}, name);");
            writer.Line("public readonly bool TryCopy() => false;");
            writer.Line(carrier.MessageIdProperty is { } id
                ? $"public readonly void RecordAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) => global::MessageTrace.MessagingAttributes.RecordMessageId(activity, message{dot}{id});"
                : "public readonly void RecordAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }");
            writer.Line("public readonly void RecordResult<TResult>(global::System.Diagnostics.Activity activity, TResult result) { }");
            writer.Close();
            return;
        }

        string type = carrier.MessageType + nullable;
        writer.Comment($"A received {carrier.MessageType}: its [MessageHeaders] {carrier.HeadersProperty} carry the context.");
        writer.Open($"file readonly struct {carrier.Name}Incoming : global::MessageTrace.IIncomingMessages<{type}>");
        writer.Line($"public bool TryRead({type} message, string name, out global::MessageTrace.HeaderValue value) => default({access}).TryRead(message{dot}{carrier.HeadersProperty}, name, out value);");
        writer.Line($"public string? Destination({type} message) => {(carrier.DestinationProperty is { } destination ? "message" + dot + destination : "null")};");
        writer.Line($"public string? MessageId({type} message) => {(carrier.MessageIdProperty is { } messageId ? "message" + dot + messageId : "null")};");
        writer.Line("public void RecordSiteAttributes(global::System.Diagnostics.Activity activity, global::MessageTrace.MessagingSite site) { }");
        writer.Line($"public void RecordAttributes(global::System.Diagnostics.Activity activity, {type} message, global::MessageTrace.MessagingSite site) {{ }}");
        writer.Line("public string? FailureOf<TResult>(TResult result) => null;");
        writer.Close();
    }
}
