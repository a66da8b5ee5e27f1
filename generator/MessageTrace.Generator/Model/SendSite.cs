using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator;

/// <summary>
/// One intercepted send call: the catalogue operation and its recipe (carried whole, so user-defined
/// carriers work like catalogue ones), the call's signature, where, and with which options.
/// </summary>
internal sealed record SendSite(
    string OperationId,
    string ProfileId,
    string System,
    SendRecipe Recipe,
    CallSignature Signature,
    InterceptLocation Location,
    ScopeOptions Options);
