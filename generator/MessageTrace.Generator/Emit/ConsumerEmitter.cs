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

        var fields = new SiteFields();
        var adapters = new List<AdapterRef>();
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
            var receive = first.Operation == ConsumerOperation.Receive ? profile.Receives.First(r => r.Id == first.OperationId) : null;
            var shape = MessageShape(profile, receive?.MessageType);
            adapters.Add(shape.Adapter);
            // A generic message type (Kafka's ConsumeResult<TKey, TValue>) takes the client's type parameters, in order.
            string adapterType = shape.GenericArity > 0 ? shape.Adapter.Name + SignatureText.TypeParameters(signature) : shape.Adapter.Name;
            interceptors.Line("    => " + (receive is not null
                ? Receive(signature, adapterType, siteField, receive)
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
        AdapterEmitter.Write(writer, adapters);
        writer.Close();
        return writer.ToString();
    }

    /// <summary>The message a pull returns: the one it names, else the profile's first (acknowledgements take that one).</summary>
    private static IncomingMessageShape MessageShape(BrokerProfile profile, string? messageType) =>
        messageType is null ? profile.IncomingMessages[0] : profile.IncomingMessages.First(m => m.TypeName == messageType);

    private static string Receive(CallSignature signature, string adapter, string siteField, ReceiveOperation operation)
    {
        var call = CallText.For(signature, hasReceiver: true, new HashSet<int>());
        string arguments = string.Join(", ", signature.Parameters.Select(p => call.Get(p.Name)));
        string entryPoint = !operation.ReturnsOneMessage ? "ReceiveAsync"
            : signature.ReturnShape is ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT ? "ReceiveOneAsync"
            : "ReceiveOne";
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
