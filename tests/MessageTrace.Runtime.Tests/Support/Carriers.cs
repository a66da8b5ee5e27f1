using System.Collections.Generic;
using System.Diagnostics;
using OpenTelemetry.Context.Propagation;

namespace MessageTrace.Runtime.Tests;

/// <summary>The generic calls spelled out once for the two built-in dictionary carriers.</summary>
internal static class Carriers
{
    public static void Inject(IDictionary<string, string>? carrier, ActivityContext context) =>
        ContextPropagation.Inject<IDictionary<string, string>?, StringDictionaryHeaders>(carrier, context);

    public static void Inject(IDictionary<string, object?>? carrier, ActivityContext context) =>
        ContextPropagation.Inject<IDictionary<string, object?>?, ObjectDictionaryHeaders>(carrier, context);

    public static PropagationContext Extract(IDictionary<string, string>? carrier) =>
        ContextPropagation.Extract<IDictionary<string, string>?, StringDictionaryHeaders>(carrier);

    public static PropagationContext Extract(IDictionary<string, object?>? carrier) =>
        ContextPropagation.Extract<IDictionary<string, object?>?, ObjectDictionaryHeaders>(carrier);

    public static CarrierState Inspect(IDictionary<string, string>? carrier, out ActivityContext userContext) =>
        ProducerContext.Inspect<IDictionary<string, string>?, StringDictionaryHeaders>(carrier, out userContext);

    public static CarrierState Inspect(IDictionary<string, object?>? carrier, out ActivityContext userContext) =>
        ProducerContext.Inspect<IDictionary<string, object?>?, ObjectDictionaryHeaders>(carrier, out userContext);

    public static bool TryInject(IDictionary<string, string>? carrier, ActivityContext context, bool replaceOurs = false) =>
        ProducerContext.TryInject<IDictionary<string, string>?, StringDictionaryHeaders>(carrier, context, replaceOurs);

    public static bool TryInject(IDictionary<string, object?>? carrier, ActivityContext context, bool replaceOurs = false) =>
        ProducerContext.TryInject<IDictionary<string, object?>?, ObjectDictionaryHeaders>(carrier, context, replaceOurs);
}
