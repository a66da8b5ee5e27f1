namespace MessageTrace;

/// <summary>
/// Writes headers into a carrier. Implemented by small structs so injection is specialised per
/// carrier with no delegate, closure or boxing.
/// </summary>
/// <typeparam name="TCarrier">The header collection type.</typeparam>
public interface IHeaderWriter<in TCarrier> : IHeaderReader<TCarrier>
{
    /// <summary>
    /// Whether headers can be written at all (a <see langword="null"/> or read-only collection cannot
    /// take them; MessageTrace then leaves the message as it is rather than fail the send).
    /// </summary>
    bool CanWrite(TCarrier carrier);

    /// <summary>
    /// Whether the carrier stores header values as UTF-8 bytes; the <c>traceparent</c> is then
    /// formatted straight into a <c>byte[55]</c> instead of a string.
    /// </summary>
    bool PrefersUtf8 { get; }

    /// <summary>Sets a text header, replacing any value of the same name.</summary>
    void Write(TCarrier carrier, string name, string value);

    /// <summary>Sets a UTF-8 header, replacing any value of the same name.</summary>
    void WriteUtf8(TCarrier carrier, string name, byte[] value);

    /// <summary>
    /// Whether the carrier's entry for a trace header was inserted by MessageTrace: its key is the very
    /// instance <paramref name="ourKey"/> (one of <see cref="WrittenHeaders"/>). Called only when the header is present.
    /// </summary>
    bool IsWrittenByMessageTrace(TCarrier carrier, string ourKey);

    /// <summary>Removes the header <paramref name="name"/> (every value of it).</summary>
    void Remove(TCarrier carrier, string name);
}
