using System.Collections.Generic;

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>An in-house bus whose destination is an argument, sent to one queue per region.</summary>
public static class RegionalBus
{
    public static void Post(string queue, [MessageHeaders(System = "inhouse")] IDictionary<string, string> headers)
    {
    }
}

/// <summary>Sends whose destination is an interpolated string: the template comes from the string's holes.</summary>
public static class RegionalPublisher
{
    [TracedProducer]
    public static void Publish(string region) => RegionalBus.Post($"orders.{region}", new Dictionary<string, string>());

    [TracedProducer]
    public static void PublishWithFormat(int shard) => RegionalBus.Post($"orders.{shard:D2}.{shard % 4}", new Dictionary<string, string>());

    [TracedProducer(Destination = "orders.by-region")]
    public static void PublishNamed(string region) => RegionalBus.Post($"orders.{region}", new Dictionary<string, string>());

    [TracedProducer]
    public static void PublishConstant() => RegionalBus.Post($"orders.eu", new Dictionary<string, string>());
}
