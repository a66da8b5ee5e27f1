namespace MessageTrace;

/// <summary>What an outgoing message's headers already hold, as far as the creation context is concerned.</summary>
public enum CarrierState
{
    /// <summary>No <c>traceparent</c>: MessageTrace injects the creation context.</summary>
    Empty = 0,

    /// <summary>
    /// The user supplied a <c>traceparent</c>: it is left untouched and the send span links to it
    /// (when it parses).
    /// </summary>
    UserContext = 1,

    /// <summary>
    /// The <c>traceparent</c> is one MessageTrace wrote for an earlier send of a message sharing these
    /// headers: it belongs to that send and must be replaced, on a copy of the message where the
    /// client allows one.
    /// </summary>
    WrittenForEarlierSend = 2,

    /// <summary>The message has no header collection that can take a header; it is sent as it is.</summary>
    NotWritable = 3,
}
