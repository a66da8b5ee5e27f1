namespace MessageTrace.Generator;

/// <summary>What a consumer call site does.</summary>
internal enum ConsumerOperation
{
    Receive,
    Settle,
}

/// <summary>A receive or settle call inside a <c>[TracedConsumer]</c>.</summary>
internal sealed record ConsumerSite(string OperationId, ConsumerOperation Operation, CallSignature Signature, InterceptLocation Location, ScopeOptions Options);
