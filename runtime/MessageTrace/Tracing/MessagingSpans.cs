using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>
/// Starts messaging spans the semantic-convention way: constant-per-destination names, the
/// sampling-relevant attributes passed at start, links to creation contexts, and the parent chosen by
/// the handler policy. Every method returns <see langword="null"/> when no listener samples the span,
/// having allocated nothing.
/// </summary>
public static class MessagingSpans
{
    /// <summary>Starts a <c>send</c> span (kind Producer: its context is the creation context).</summary>
    /// <param name="system">The <c>messaging.system</c> value.</param>
    /// <param name="destination">The actual destination (topic, queue, subject).</param>
    /// <param name="template">A destination template from the options, used in the name when set.</param>
    /// <param name="existingCreationContext">A creation context the user put on the message, linked when valid.</param>
    public static Activity? StartSend(string system, string? destination, string? template, in ActivityContext existingCreationContext) =>
        StartSend(system, destination, template, existingCreationContext, site: null);

    /// <summary>Starts a <c>send</c> span for a call site, from the site's start shape while its destination repeats.</summary>
    internal static Activity? StartSend(MessagingSite site, string? destination, in ActivityContext existingCreationContext) =>
        StartSend(site.System, destination, site.Template, existingCreationContext, site);

    private static Activity? StartSend(string system, string? destination, string? template, in ActivityContext existingCreationContext, MessagingSite? site)
    {
        var source = MessageTraceSource.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        if (existingCreationContext == default)
        {
            // The common send: no context of the user's to link, so no link list to rent.
            return Start(source, MessagingOperationTypes.Send, ActivityKind.Producer, system, destination, template, consumerGroup: null, parent: default, links: null, site: site);
        }

        var links = StartLinks.Rent();
        links.Add(existingCreationContext);
        var activity = Start(source, MessagingOperationTypes.Send, ActivityKind.Producer, system, destination, template, consumerGroup: null, parent: default, links, site: site);
        links.Return();
        return activity;
    }

    /// <summary>Starts a <c>process</c> span (kind Consumer) for one message.</summary>
    /// <param name="system">The <c>messaging.system</c> value.</param>
    /// <param name="destination">The topic the message came from.</param>
    /// <param name="template">A destination template from the options, used in the name when set.</param>
    /// <param name="consumerGroup">The consumer group, when known.</param>
    /// <param name="creationContext">The extracted creation context; <see langword="default"/> when none was valid.</param>
    /// <param name="policy">How the parent is chosen.</param>
    public static Activity? StartProcess(string system, string? destination, string? template, string? consumerGroup, in ActivityContext creationContext, HandlerParentPolicy policy) =>
        StartProcess(system, destination, template, consumerGroup, creationContext, policy, site: null);

    /// <summary>Starts a <c>process</c> span for a call site, from the site's start shape while its destination repeats.</summary>
    internal static Activity? StartProcess(MessagingSite site, string? destination, in ActivityContext creationContext) =>
        StartProcess(site.System, destination, site.Template, site.ConsumerGroup, creationContext, site.ParentPolicy, site);

    private static Activity? StartProcess(string system, string? destination, string? template, string? consumerGroup, in ActivityContext creationContext, HandlerParentPolicy policy, MessagingSite? site)
    {
        var source = MessageTraceSource.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var ambient = Activity.Current;
        if (ambient is not null && ambient.IsStopped)
        {
            // A span that has ended is not an ambient parent: a consumer built inside a start-up span
            // keeps it as Activity.Current on its threads long after. Detach so the policy sees none
            // (the generated caller restores Activity.Current afterwards).
            Activity.Current = null;
            ambient = null;
        }

        var links = StartLinks.Rent();
        links.Add(creationContext);
        ActivityContext parent = default;
        switch (policy)
        {
            case HandlerParentPolicy.LinkOnly:
                break;
            case HandlerParentPolicy.CreationContextAlways:
                if (creationContext != default)
                {
                    parent = creationContext;
                    if (ambient is not null)
                    {
                        links.Add(ambient.Context);
                    }
                }

                break;
            default:
                if (ambient is null)
                {
                    parent = creationContext;
                }

                break;
        }

        // A default parent means "the ambient span, if any": with neither a valid creation context
        // nor an ambient span the process span is a root, with no link.
        var activity = Start(source, MessagingOperationTypes.Process, ActivityKind.Consumer, system, destination, template, consumerGroup, parent, links, site: site);
        links.Return();
        return activity;
    }

    /// <summary>
    /// Starts a span over several messages (a batch <c>process</c>, kind Consumer, or a <c>receive</c>,
    /// kind Client) with one link per message, the per-message attributes on the links.
    /// </summary>
    public static Activity? StartBatch(string operationType, ActivityKind kind, string system, string? destination, string? template, string? consumerGroup, IEnumerable<ActivityLink>? links, int messageCount) =>
        StartBatch(operationType, kind, system, destination, template, consumerGroup, links, messageCount, startTime: default);

    /// <summary>
    /// Starts a batch span that began at <paramref name="startTime"/>: a <c>receive</c> span is only
    /// created once messages arrived (an empty pull has none), yet covers the whole pull.
    /// </summary>
    public static Activity? StartBatch(string operationType, ActivityKind kind, string system, string? destination, string? template, string? consumerGroup, IEnumerable<ActivityLink>? links, int messageCount, DateTimeOffset startTime)
    {
        var source = MessageTraceSource.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = Start(source, operationType, kind, system, destination, template, consumerGroup, default, links, startTime: startTime);
        if (activity is not null && activity.IsAllDataRequested)
        {
            activity.SetTag(MessagingAttributes.BatchMessageCount, TagValues.Int(messageCount));
        }

        return activity;
    }

    /// <summary>Starts a <c>settle</c> span (kind Client) linked to the settled message's creation context.</summary>
    public static Activity? StartSettle(string system, string operationName, string? destination, string? consumerGroup, in ActivityContext creationContext)
    {
        var source = MessageTraceSource.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var links = StartLinks.Rent();
        links.Add(creationContext);
        var activity = Start(source, MessagingOperationTypes.Settle, ActivityKind.Client, system, destination, template: null, consumerGroup, default, links, operationName);
        links.Return();
        return activity;
    }

    /// <summary>
    /// The declared template, or null when it is the message's own destination: a handler that declares the
    /// destination it consumes (for the AsyncAPI document) then records the name, as it would without.
    /// </summary>
    internal static string? TemplateUnlessItIsTheName(string? template, string? destination) =>
        template is not null && string.Equals(template, destination, StringComparison.Ordinal) ? null : template;

    /// <summary>A link to a message's creation context carrying that message's id, as batch spans record per-message values.</summary>
    public static ActivityLink LinkFor(in ActivityContext creationContext, string? messageId) =>
        string.IsNullOrEmpty(messageId)
            ? new ActivityLink(creationContext)
            : new ActivityLink(creationContext, new ActivityTagsCollection { { MessagingAttributes.MessageId, messageId } });

    private static Activity? Start(
        ActivitySource source,
        string operationType,
        ActivityKind kind,
        string system,
        string? destination,
        string? template,
        string? consumerGroup,
        ActivityContext parent,
        IEnumerable<ActivityLink>? links,
        string? operationName = null,
        DateTimeOffset startTime = default,
        MessagingSite? site = null)
    {
        operationName ??= operationType;
        template = TemplateUnlessItIsTheName(template, destination);
        if (kind != ActivityKind.Producer && parent == default && Activity.Current is { IsStopped: true })
        {
            // On the consuming side an ended span left current (a loop or consumer started inside a
            // start-up span) is no parent: detach, so the span is a root rather than part of an
            // unrelated, finished trace. A send keeps the caller's current span as it is: the caller
            // chose it, and a stopped span could not be made current again afterwards.
            Activity.Current = null;
        }

        var tags = StartTags.Rent();
        string name;
        if (site is not null && StartShape.For(site, operationName, destination) is { } shape)
        {
            // The site's usual destination: its name and start attributes are already built.
            tags.Share(shape.Tags);
            name = shape.Name;
        }
        else
        {
            tags.Add(MessagingAttributes.System, system);
            tags.Add(MessagingAttributes.OperationName, operationName);
            tags.Add(MessagingAttributes.OperationType, operationType);
            tags.Add(MessagingAttributes.DestinationName, destination);
            tags.Add(MessagingAttributes.DestinationTemplate, template);
            tags.Add(MessagingAttributes.ConsumerGroupName, consumerGroup);
            name = SpanNames.Get(operationName, template ?? destination);
            if (site is not null)
            {
                StartShape.Note(site, operationName, destination, name, tags);
            }
        }

        var linksToPass = links is StartLinks { Count: 0 } ? null : links;
        try
        {
            return source.StartActivity(name, kind, parent, tags, linksToPass, startTime);
        }
        finally
        {
            tags.Return();
        }
    }
}
