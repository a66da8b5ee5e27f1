using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace MessageTrace.Nats.Tests.App;

/// <summary>JetStream publishing as the NATS docs write it, traced by the attribute alone.</summary>
public sealed class OrderStore(INatsJSContext js)
{
    [TracedProducer]
    public async Task<PubAckResponse> StoreAsync(string subject, string order, string id) =>
        await js.PublishAsync(subject, order, opts: new NatsJSPubOpts { MsgId = id });

    [TracedProducer]
    public async Task<bool> TryStoreAsync(string subject, string order)
    {
        var result = await js.TryPublishAsync(subject, order);
        return result.Success;
    }
}

/// <summary>A pull of one message at a time, as the NATS docs' NextAsync example.</summary>
public sealed class OrderPuller(INatsJSConsumer consumer)
{
    [TracedConsumer(ConsumerGroup = "billing")]
    public async Task<INatsJSMsg<string>?> NextAsync() => await consumer.NextAsync<string>();
}

/// <summary>Handlers of consumed JetStream messages, as the interface the consumer hands out and as the struct.</summary>
public sealed class OrderProcessor
{
    public List<Activity?> Seen { get; } = new();

    [TracedHandler(ConsumerGroup = "billing")]
    public ValueTask ProcessAsync(INatsJSMsg<string> message)
    {
        Seen.Add(Activity.Current);
        return message.AckAsync();
    }

    [TracedHandler(ConsumerGroup = "billing")]
    public ValueTask Process(NatsJSMsg<string> message)
    {
        Seen.Add(Activity.Current);
        return message.AckAsync();
    }
}
