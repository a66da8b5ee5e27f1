using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Confluent.Kafka;

namespace MessageTrace.EndToEnd.Apps.KafkaConsumer;

/// <summary>The handler traced by MessageTrace: the attribute is all the tracing code there is.</summary>
public sealed class RecordHandlers
{
    /// <summary>The consumer group of the app's consumer and handler.</summary>
    public const string Group = "e2e-billing";

    [TracedHandler(ConsumerGroup = Group)]
    public void Handle(ConsumeResult<string, string> record)
    {
        var current = Activity.Current;
        var headers = record.Message.Headers?.Select(h => new KeyValuePair<string, byte[]>(h.Key, h.GetValueBytes()));
        App.Signal(AppProtocol.Received,
            $"{record.Message.Key} headers={App.DescribeHeaders(headers)} " +
            $"activity={(current is null ? "none" : $"{current.TraceId}-{current.SpanId}")}");
    }
}
