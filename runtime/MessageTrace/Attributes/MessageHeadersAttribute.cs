using System;

namespace MessageTrace;

/// <summary>
/// Marks the string-keyed header dictionary of a user-defined message type (a property) or a
/// handler/send parameter, making an in-house message type a carrier MessageTrace can inject the
/// creation context into and extract it from.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class MessageHeadersAttribute : Attribute
{
}
