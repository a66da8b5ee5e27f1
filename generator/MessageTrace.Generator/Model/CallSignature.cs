namespace MessageTrace.Generator;

/// <summary>A parameter of an intercepted method, as emitted: <c>{RefKind}{Type} {Name}</c>.</summary>
internal sealed record ParameterInfo(string Type, string Name, string RefKind);

/// <summary>
/// The signature an interceptor must repeat, as <c>global::</c>-qualified strings. <see cref="ReceiverType"/>
/// is null for a static method; <see cref="TypeParameters"/> lists the containing types' and the
/// method's type parameters, outermost first, as the interceptor must declare them, and
/// <see cref="Constraints"/> their constraint clauses.
/// </summary>
internal sealed record CallSignature(
    string MethodName,
    string DeclaringType,
    bool IsExtension,
    string? ReceiverType,
    string ReturnType,
    string? AwaitedResultType,
    ReturnShape ReturnShape,
    EquatableArray<ParameterInfo> Parameters,
    EquatableArray<string> TypeParameters,
    EquatableArray<string> Constraints)
{
    /// <summary>
    /// How an instance method of a struct gets its receiver, as the compiler requires the interceptor's
    /// <c>this</c> parameter to: <c>"in "</c> for a read-only method, <c>"ref "</c> otherwise; empty for a
    /// class, an interface or an extension.
    /// </summary>
    public string ReceiverRefKind { get; init; } = string.Empty;
}

/// <summary>What the intercepted method returns, which decides how its span is completed.</summary>
internal enum ReturnShape
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
