using System;

namespace MessageTrace;

/// <summary>
/// Marks the string-keyed header dictionary of a user-defined message type (a property) or a method
/// parameter, making an in-house message bus a carrier MessageTrace can inject the creation context into
/// and extract it from, with the same guarantees as the built-in brokers.
/// </summary>
/// <remarks>
/// <para>The dictionary may be <c>IDictionary&lt;string, string&gt;</c> (values written as text) or
/// <c>IDictionary&lt;string, object?&gt;</c> (values written as UTF-8 bytes, read as bytes or text). A
/// property with a setter that is <see langword="null"/> at send time gets a new dictionary.</para>
/// <para>Sends: inside a <see cref="TracedProducerAttribute"/> scope, a call to a method that takes a
/// <c>[MessageHeaders]</c> parameter, or a message whose type has a <c>[MessageHeaders]</c> property, is a
/// send. Handlers: a <see cref="TracedHandlerAttribute"/> method taking such a message or parameter.
/// The destination is read from a string parameter or property named <c>Destination</c>, <c>Topic</c>,
/// <c>Queue</c>, <c>Subject</c> or <c>Channel</c> (any case), and the message id from a <c>MessageId</c>
/// property, when there is one.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class MessageHeadersAttribute : Attribute
{
    /// <summary>The <c>messaging.system</c> value for this bus; <c>custom</c> when unset.</summary>
    public string? System { get; set; }
}
