namespace MessageTrace;

/// <summary>The kinds of messaging operation, which decide the duration histogram and the counter.</summary>
internal enum OperationKind : byte
{
    Send,
    Receive,
    Process,
    Settle,
}

/// <summary>The <c>messaging.operation.type</c> of each <see cref="OperationKind"/>.</summary>
internal static class OperationKinds
{
    public static string TypeName(OperationKind kind) => kind switch
    {
        OperationKind.Send => MessagingOperationTypes.Send,
        OperationKind.Receive => MessagingOperationTypes.Receive,
        OperationKind.Process => MessagingOperationTypes.Process,
        _ => MessagingOperationTypes.Settle,
    };
}
