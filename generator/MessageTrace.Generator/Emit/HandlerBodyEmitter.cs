namespace MessageTrace.Generator.Emit;

/// <summary>
/// Writes the traced body around one handler call: start the process span (extraction, link, parent
/// policy), make it current with the message's baggage, run the call, map a failure result or
/// exception, stop the span and restore the caller's current span and baggage in every case.
/// </summary>
internal static class HandlerBodyEmitter
{
    public static void Write(SourceWriter writer, HandlerModel handler, string system, string tracingClass, string call)
    {
        var signature = handler.Signature;
        string message = signature.Parameters[handler.MessageParameter].Name;
        var options = handler.Options;
        string start = handler.Arity == MessageArity.Batch ? "StartBatchProcess" : "StartProcess";
        bool isVoid = signature.ReturnShape == ReturnShape.Void;
        bool isAsync = signature.ReturnShape is ReturnShape.Task or ReturnShape.TaskOfT or ReturnShape.ValueTask or ReturnShape.ValueTaskOfT;

        if (handler.Arity == MessageArity.Batch && signature.Parameters[handler.MessageParameter].Type.StartsWith("global::System.Collections.Generic.IEnumerable<", System.StringComparison.Ordinal))
        {
            // Building the links enumerates the batch: a single-pass sequence is read once, into a
            // list, and the handler gets that list with every message.
            writer.Open("if (global::MessageTrace.MessageTraceSource.Source.HasListeners())");
            writer.Line($"{message} = global::MessageTrace.MessageBatch.ReadOnce({message})!;");
            writer.Close();
            writer.Line();
        }

        writer.Line("var previous = global::System.Diagnostics.Activity.Current;");
        writer.Line($"var activity = {tracingClass}.{start}({message}, {Literals.String(options.System ?? system)}, {Literals.String(options.Destination)}, {Literals.String(options.ConsumerGroup)}, {Literals.String(options.Namespace ?? string.Empty)}, {Literals.Bool(options.RecordBodySize)}, {ParentPolicy(options.ParentPolicy)}, out var baggage);");
        writer.Open("if (activity is null)");
        if (isVoid)
        {
            writer.Line(call + ";");
            writer.Line("return;");
        }
        else
        {
            writer.Line("return " + call + ";");
        }

        writer.Close();
        writer.Line();
        writer.Comment("The message's baggage is current for the handler body only, awaits included.");
        writer.Line("var baggageScope = baggage.Count > 0 ? global::MessageTrace.HandlerBaggage.Enter(baggage) : null;");
        writer.Open("try");
        if (isVoid)
        {
            writer.Line(call + ";");
        }
        else if (isAsync)
        {
            string onResult = NeedsFailureCallback(handler)
                ? ", " + FailureCallbackName(handler)
                : signature.ReturnShape is ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT ? ", null" : string.Empty;
            writer.Line($"return global::MessageTrace.SpanCompletion.StopWhenDone({call}, activity{onResult});");
        }
        else
        {
            writer.Line("var result = " + call + ";");
            if (handler.FailureValue is not null)
            {
                writer.Open($"if (result == {handler.FailureValue})");
                writer.Line($"global::MessageTrace.SpanFailure.RecordResult(activity, {Literals.String(handler.FailureErrorType)});");
                writer.Close();
                writer.Line();
            }

            writer.Line("return result;");
        }

        writer.Close();
        string recorder = isAsync ? "RecordAndStop" : "Record";
        writer.Line($"catch (global::System.Exception exception) when (global::MessageTrace.SpanFailure.{recorder}(activity, exception))");
        writer.Open(string.Empty);
        writer.Line("throw;");
        writer.Close();
        writer.Line("finally");
        writer.Open(string.Empty);
        if (!isAsync)
        {
            writer.Line("activity.Stop();");
        }

        writer.Comment("The process span ends here for the caller, whatever parent it was given.");
        writer.Line("global::System.Diagnostics.Activity.Current = previous;");
        writer.Line("global::MessageTrace.HandlerBaggage.Exit(baggageScope);");
        writer.Close();
    }

    private static string ParentPolicy(int value) => "global::MessageTrace.HandlerParentPolicy." + value switch
    {
        1 => "LinkOnly",
        2 => "CreationContextAlways",
        0 => "CreationContextWhenNoAmbient",
        _ => "CreationContextWhenNoAmbient",
    };

    /// <summary>The cached callback that maps an awaited failure result, when the handler needs one.</summary>
    public static bool NeedsFailureCallback(HandlerModel handler) =>
        handler.FailureValue is not null && handler.Signature.ReturnShape is ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT;

    public static string FailureCallbackName(HandlerModel handler) => "s_" + StableNames.Handler(handler) + "Failure";

    /// <summary>Declares the callback field <see cref="FailureCallbackName"/> refers to.</summary>
    public static void WriteFailureCallback(SourceWriter writer, HandlerModel handler)
    {
        writer.Line($"private static readonly global::System.Action<global::System.Diagnostics.Activity, {handler.Signature.AwaitedResultType}> {FailureCallbackName(handler)} =");
        writer.Line($"    static (activity, result) => {{ if (result == {handler.FailureValue}) global::MessageTrace.SpanFailure.RecordResult(activity, {Literals.String(handler.FailureErrorType)}); }};");
    }
}
