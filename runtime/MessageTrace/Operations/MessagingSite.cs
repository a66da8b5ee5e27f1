namespace MessageTrace;

/// <summary>
/// The options in force at one traced call site, as the generator read them from the attributes and
/// assembly defaults. Generated interceptors hold one per distinct set of options in a static field, so
/// nothing per call is allocated for them.
/// </summary>
public sealed class MessagingSite
{
    /// <summary>Creates the options of a call site.</summary>
    /// <param name="system">The <c>messaging.system</c> value.</param>
    /// <param name="template">A destination template that names spans instead of each message's destination, or null.</param>
    /// <param name="consumerGroup">The consumer group (process, receive and settle spans), or null.</param>
    /// <param name="messagingNamespace">The broker namespace option (RocketMQ), or null when the broker has none.</param>
    /// <param name="recordBodySize">Whether the opt-in <c>messaging.message.body.size</c> is recorded.</param>
    /// <param name="parentPolicy">How a process span chooses its parent.</param>
    /// <param name="countsConsumedMessages">
    /// Whether a process at this site counts its messages on <c>messaging.client.consumed.messages</c>:
    /// false where a traced receive in the same consumer already counted them (the conventions count a
    /// delivery once).
    /// </param>
    public MessagingSite(
        string system,
        string? template = null,
        string? consumerGroup = null,
        string? messagingNamespace = null,
        bool recordBodySize = false,
        HandlerParentPolicy parentPolicy = HandlerParentPolicy.CreationContextWhenNoAmbient,
        bool countsConsumedMessages = true)
    {
        System = system;
        Template = template;
        ConsumerGroup = consumerGroup;
        Namespace = messagingNamespace;
        RecordBodySize = recordBodySize;
        ParentPolicy = parentPolicy;
        CountsConsumedMessages = countsConsumedMessages;
    }

    /// <summary>The <c>messaging.system</c> value.</summary>
    public string System { get; }

    /// <summary>The destination template, or null.</summary>
    public string? Template { get; }

    /// <summary>The consumer group, or null.</summary>
    public string? ConsumerGroup { get; }

    /// <summary>The broker namespace option, or null.</summary>
    public string? Namespace { get; }

    /// <summary>Whether the body size is recorded.</summary>
    public bool RecordBodySize { get; }

    /// <summary>How a process span chooses its parent.</summary>
    public HandlerParentPolicy ParentPolicy { get; }

    /// <summary>Whether a process at this site counts its messages as consumed.</summary>
    public bool CountsConsumedMessages { get; }

    /// <summary>The name and start attributes this site's spans share while the destination stays the same.</summary>
    internal StartShape? LastStart { get; set; }

    /// <summary>The destination seen last when it did not fit <see cref="LastStart"/>.</summary>
    internal string? PendingDestination { get; set; }
}
