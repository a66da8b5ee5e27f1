namespace MessageTrace.Generator;

/// <summary>
/// A snapshot of an interceptable call site: the <c>[InterceptsLocation]</c> arguments and a short
/// display text for the comment above it. Holds no Roslyn object, so it never pins a syntax tree.
/// </summary>
internal sealed record InterceptLocation(int Version, string Data, string Display);
