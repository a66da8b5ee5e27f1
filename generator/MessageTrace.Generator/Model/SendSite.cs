namespace MessageTrace.Generator;

/// <summary>One intercepted send call: which catalogue operation, its signature, where, and with which options.</summary>
internal sealed record SendSite(string OperationId, CallSignature Signature, InterceptLocation Location, ScopeOptions Options);
