using System;

namespace MessageTrace;

/// <summary>
/// Project-wide defaults, applied with <c>[assembly: MessageTraceDefaults(...)]</c>. Options set on a
/// method or class attribute win over these.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class MessageTraceDefaultsAttribute : Attribute
{
    /// <summary>
    /// Treats every method of the project as a traced producer, as if each carried
    /// <see cref="TracedProducerAttribute"/>.
    /// </summary>
    public bool TraceAllProducers { get; set; }

    /// <summary>Default consumer group for handlers and consumers that do not name one.</summary>
    public string? ConsumerGroup { get; set; }

    /// <summary>Default RocketMQ namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>Default for <see cref="TracedProducerAttribute.RecordBodySize"/> and <see cref="TracedHandlerAttribute.RecordBodySize"/>.</summary>
    public bool RecordBodySize { get; set; }

    /// <summary>Default parent policy of handlers that do not set one.</summary>
    public HandlerParentPolicy ParentPolicy { get; set; }
}
