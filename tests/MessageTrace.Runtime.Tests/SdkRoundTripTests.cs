using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Producer to consumer through the OpenTelemetry SDK (sampler, processor, in-memory exporter): the
/// exported process span hangs under the exported send span and links to it.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public sealed class SdkRoundTripTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Process_span_is_parented_on_and_linked_to_the_send_span(bool bytesCarrier)
    {
        var exported = new List<Activity>();
        var previousBaggage = Baggage.Current;
        using (PropagatorScope.W3CPair())
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(MessageTraceSource.Name)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(exported)
            .Build())
        {
            try
            {
                Baggage.Current = Baggage.Create(new Dictionary<string, string> { ["tenant"] = "acme" });
                var text = new Dictionary<string, string>();
                var binary = new Dictionary<string, object?>();

                using (var send = MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, default))
                {
                    Assert.NotNull(send);
                    Assert.Equal(CarrierState.Empty, bytesCarrier ? Carriers.Inspect(binary, out _) : Carriers.Inspect(text, out _));
                    Assert.True(bytesCarrier ? Carriers.TryInject(binary, send!.Context) : Carriers.TryInject(text, send!.Context));
                }

                Baggage.Current = default;
                var incoming = bytesCarrier ? Carriers.Extract(binary) : Carriers.Extract(text);
                Assert.Equal("acme", incoming.Baggage.GetBaggage("tenant"));
                using (MessagingSpans.StartProcess(MessagingSystems.RocketMq, "orders", null, "group-a", incoming.ActivityContext, HandlerParentPolicy.CreationContextWhenNoAmbient))
                {
                }

                provider.ForceFlush();
            }
            finally
            {
                Baggage.Current = previousBaggage;
            }
        }

        var sendSpan = Assert.Single(exported, a => a.Kind == ActivityKind.Producer);
        var processSpan = Assert.Single(exported, a => a.Kind == ActivityKind.Consumer);
        Assert.Equal("send orders", sendSpan.DisplayName);
        Assert.Equal("process orders", processSpan.DisplayName);
        Assert.Equal(sendSpan.TraceId, processSpan.TraceId);
        Assert.Equal(sendSpan.SpanId, processSpan.ParentSpanId);
        Assert.Equal(sendSpan.SpanId, Assert.Single(processSpan.Links).Context.SpanId);
        Assert.Equal("group-a", processSpan.GetTagItem(MessagingAttributes.ConsumerGroupName));
    }

    [Fact]
    public void Unsampled_send_still_injects_a_context_that_keeps_the_chain()
    {
        var exported = new List<Activity>();
        using (PropagatorScope.W3CPair())
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(MessageTraceSource.Name)
            .SetSampler(new AlwaysOffSampler())
            .AddInMemoryExporter(exported)
            .Build())
        {
            var headers = new Dictionary<string, string>();
            using (var send = MessagingSpans.StartSend(MessagingSystems.RocketMq, "orders", null, default))
            {
                // The SDK gives an unsampled root a propagation-only activity; its context still travels.
                Assert.NotNull(send);
                Assert.False(send!.Recorded);
                Assert.True(Carriers.TryInject(headers, send.Context));
                Assert.Equal(send.Context.SpanId, Carriers.Extract(headers).ActivityContext.SpanId);
                Assert.Equal(ActivityTraceFlags.None, Carriers.Extract(headers).ActivityContext.TraceFlags);
            }

            provider.ForceFlush();
        }

        Assert.Empty(exported);
    }
}
