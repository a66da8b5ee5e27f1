using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// The process-span parent and links under every <see cref="HandlerParentPolicy"/>, with and without an
/// ambient span and a valid creation context.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class MessagingSpansProcessTests
{
    public enum Parent
    {
        Root,
        CreationContext,
        Ambient,
    }

    /// <summary>policy, ambient span present, valid creation context, expected parent, expected links (c = creation, a = ambient).</summary>
    public static IEnumerable<object[]> Matrix => new[]
    {
        new object[] { HandlerParentPolicy.CreationContextWhenNoAmbient, false, true, Parent.CreationContext, "c" },
        new object[] { HandlerParentPolicy.CreationContextWhenNoAmbient, true, true, Parent.Ambient, "c" },
        new object[] { HandlerParentPolicy.CreationContextWhenNoAmbient, false, false, Parent.Root, "" },
        new object[] { HandlerParentPolicy.CreationContextWhenNoAmbient, true, false, Parent.Ambient, "" },
        new object[] { HandlerParentPolicy.LinkOnly, false, true, Parent.Root, "c" },
        new object[] { HandlerParentPolicy.LinkOnly, true, true, Parent.Ambient, "c" },
        new object[] { HandlerParentPolicy.LinkOnly, false, false, Parent.Root, "" },
        new object[] { HandlerParentPolicy.LinkOnly, true, false, Parent.Ambient, "" },
        new object[] { HandlerParentPolicy.CreationContextAlways, false, true, Parent.CreationContext, "c" },
        new object[] { HandlerParentPolicy.CreationContextAlways, true, true, Parent.CreationContext, "ca" },
        new object[] { HandlerParentPolicy.CreationContextAlways, false, false, Parent.Root, "" },
        new object[] { HandlerParentPolicy.CreationContextAlways, true, false, Parent.Ambient, "" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Parent_and_links_follow_the_policy(HandlerParentPolicy policy, bool withAmbient, bool withCreationContext, Parent expectedParent, string expectedLinks)
    {
        using var listener = new MessageTraceListener();
        var creation = withCreationContext ? Contexts.Random() : default;
        using var ambient = withAmbient ? new AmbientActivity() : null;

        var activity = MessagingSpans.StartProcess(MessagingSystems.RocketMq, "orders", null, "group-a", creation, policy);

        try
        {
            Assert.NotNull(activity);
            switch (expectedParent)
            {
                case Parent.CreationContext:
                    Assert.Equal(creation.TraceId, activity!.TraceId);
                    Assert.Equal(creation.SpanId, activity.ParentSpanId);
                    Assert.True(activity.HasRemoteParent);
                    break;
                case Parent.Ambient:
                    Assert.Equal(ambient!.Context.TraceId, activity!.TraceId);
                    Assert.Equal(ambient.Context.SpanId, activity.ParentSpanId);
                    Assert.Same(ambient.Activity, activity.Parent);
                    break;
                default:
                    Assert.Equal(default, activity!.ParentSpanId);
                    Assert.Null(activity.Parent);
                    Assert.NotEqual(creation.TraceId, activity.TraceId);
                    if (ambient is not null)
                    {
                        Assert.NotEqual(ambient.Context.TraceId, activity.TraceId);
                    }

                    break;
            }

            var expected = expectedLinks.Select(c => c == 'c' ? creation : ambient!.Context).ToList();
            Assert.Equal(expected, activity.Links.Select(l => l.Context).ToList());
            Assert.Equal(expected, listener.SingleSample().Links.Select(l => l.Context).ToList());
        }
        finally
        {
            activity?.Stop();
        }
    }

    [Fact]
    public void A_declared_destination_equal_to_the_messages_own_is_no_template()
    {
        using var listener = new MessageTraceListener();

        using var activity = MessagingSpans.StartProcess(MessagingSystems.RocketMq, "orders", "orders", "group-a", Contexts.Random(), HandlerParentPolicy.CreationContextWhenNoAmbient);

        var sample = listener.SingleSample();
        Assert.Equal("process orders", sample.Name);
        Assert.Equal("orders", sample.Tag(MessagingAttributes.DestinationName));
        Assert.Null(sample.Tag(MessagingAttributes.DestinationTemplate));
    }

    [Fact]
    public void Process_span_is_a_consumer_with_sampling_tags_at_start()
    {
        using var listener = new MessageTraceListener();

        using var activity = MessagingSpans.StartProcess(MessagingSystems.RocketMq, "orders", "orders-{region}", "group-a", Contexts.Random(), HandlerParentPolicy.CreationContextWhenNoAmbient);

        var sample = listener.SingleSample();
        Assert.Equal("process orders-{region}", sample.Name);
        Assert.Equal(ActivityKind.Consumer, sample.Kind);
        Assert.Equal(MessagingSystems.RocketMq, sample.Tag(MessagingAttributes.System));
        Assert.Equal(MessagingOperationTypes.Process, sample.Tag(MessagingAttributes.OperationName));
        Assert.Equal(MessagingOperationTypes.Process, sample.Tag(MessagingAttributes.OperationType));
        Assert.Equal("orders", sample.Tag(MessagingAttributes.DestinationName));
        Assert.Equal("orders-{region}", sample.Tag(MessagingAttributes.DestinationTemplate));
        Assert.Equal("group-a", sample.Tag(MessagingAttributes.ConsumerGroupName));
        Assert.Equal(ActivityKind.Consumer, activity!.Kind);
    }

    [Fact]
    public void Sampler_sees_the_creation_context_as_parent()
    {
        using var listener = new MessageTraceListener();
        var creation = Contexts.Random();

        using var activity = MessagingSpans.StartProcess(MessagingSystems.Nats, "orders", null, null, creation, HandlerParentPolicy.CreationContextAlways);

        Assert.Equal(creation, listener.SingleSample().Parent);
    }

    [Fact]
    public void Process_returns_null_without_a_listener()
    {
        Assert.False(MessageTraceSource.Source.HasListeners());
        using var ambient = new AmbientActivity();

        Assert.Null(MessagingSpans.StartProcess(MessagingSystems.RocketMq, "orders", null, null, Contexts.Random(), HandlerParentPolicy.CreationContextAlways));
    }
}
