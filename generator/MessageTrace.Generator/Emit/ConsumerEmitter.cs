using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Emits one file per broker profile for pull consumers: receive calls and, where the options ask for them,
/// acknowledgements, each handed to the runtime with the profile's message adapter.
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
        var adapter = shape.Adapter;
        var fields = new SiteFields();
        var interceptors = new SourceWriter();
        int number = 0;
        foreach (var group in InterceptorGroups.Of(sites, static s => (s.OperationId, s.Signature, s.Options), static s => s.Location))
        {
            interceptors.Line();
            foreach (var site in group)
            {
                GeneratedFile.WriteInterceptsLocation(interceptors, site.Location);
            }

            var first = group[0];
            var signature = first.Signature;
            string siteField = fields.ForConsumer(first.Options.System ?? profile.System, first.Options);
            interceptors.Line($"public static {signature.ReturnType} {first.OperationId}{number++}{SignatureText.TypeParameters(signature)}(this {signature.ReceiverType} receiver, {SignatureText.Parameters(signature)})");
            SignatureText.WriteConstraints(interceptors, signature);
            // A generic message type (Kafka's ConsumeResult<TKey, TValue>) takes the client's type parameters, in order.
            string adapterType = shape.GenericArity > 0 ? adapter.Name + SignatureText.TypeParameters(signature) : adapter.Name;
            interceptors.Line("    => " + (first.Operation == ConsumerOperation.Receive
                ? Receive(signature, adapterType, siteField, profile.Receives.First(r => r.Id == first.OperationId))
                : Settle(signature, adapterType, siteField, profile.Settles.First(s => s.Id == first.OperationId).OperationName)));
        }

        var writer = new SourceWriter();
        GeneratedFile.WriteHeader(writer);
        GeneratedFile.WriteInterceptsLocationAttribute(writer);
        writer.Open("namespace " + Recognition.KnownNames.GeneratedNamespace);
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open("file static class " + profile.Id + "ConsumerInterceptors");
        fields.Write(writer);
        writer.Block(interceptors.ToString().TrimEnd('\n'));
        writer.Close();
        AdapterEmitter.Write(writer, [adapter]);
        writer.Close();
        return writer.ToString();
    }

    private static string Receive(CallSignature signature, string adapter, string siteField, ReceiveOperation operation)
    {
        var call = CallText.For(signature, hasReceiver: true, new HashSet<int>());
        string arguments = string.Join(", ", signature.Parameters.Select(p => call.Get(p.Name)));
        string entryPoint = operation.ReturnsOneMessage ? "ReceiveOne" : "ReceiveAsync";
        string isEmpty = operation.EmptyResultProperty is { } property ? $", static r => r.{property}" : string.Empty;
        return $"global::MessageTrace.TracedConsume.{entryPoint}({siteField}, default({adapter}), {call.Arguments}, {CallText.Lambda(withMessage: false, $"{call.Get("receiver")}.{signature.MethodName}({arguments})")}{isEmpty});";
    }

    /// <summary>A settle call: its first parameter is the settled message.</summary>
    private static string Settle(CallSignature signature, string adapter, string siteField, string operationName)
    {
        var call = CallText.For(signature, hasReceiver: true, new HashSet<int> { 0 });
        string arguments = string.Join(", ", signature.Parameters.Select((p, i) => i == 0 ? "m" : call.Get(p.Name)));
        string entryPoint = signature.ReturnShape == ReturnShape.Void ? "Settle" : "SettleAsync";
        return $"global::MessageTrace.TracedConsume.{entryPoint}({siteField}, {Literals.String(operationName)}, default({adapter}), {signature.Parameters[0].Name}, {call.Arguments}, {CallText.Lambda(withMessage: true, $"{call.Get("receiver")}.{signature.MethodName}({arguments})")});";
    }
}
