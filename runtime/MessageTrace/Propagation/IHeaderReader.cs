namespace MessageTrace;

/// <summary>
/// Reads one header from a carrier. Implemented by small structs (generated or built in) so the
/// propagation code is specialised per carrier with no delegate, closure or boxing.
/// </summary>
/// <typeparam name="TCarrier">The header collection type.</typeparam>
public interface IHeaderReader<in TCarrier>
{
    /// <summary>Reads the header <paramref name="name"/>; returns <see langword="false"/> when absent or unreadable.</summary>
    bool TryRead(TCarrier carrier, string name, out HeaderValue value);
}
