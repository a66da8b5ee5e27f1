namespace MessageTrace.Generator;

/// <summary>
/// The options that apply at a traced call site, merged from the nearest attribute and the assembly
/// defaults. Null strings mean "not set".
/// </summary>
internal sealed record ScopeOptions(
    string? System,
    string? Destination,
    string? Namespace,
    string? ConsumerGroup,
    bool RecordBodySize,
    bool TraceSettle,
    int ParentPolicy);
