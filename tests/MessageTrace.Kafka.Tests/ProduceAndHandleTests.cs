using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Confluent.Kafka;
using MessageTrace.Kafka.Tests.App;
using MessageTrace.Kafka.Tests.Infrastructure;
using Xunit;
using MessageTrace.Tests.Shared;
using static MessageTrace.Tests.Shared.TraceCapture;

namespace MessageTrace.Kafka.Tests;

/// <summary>
/// ProduceAsync inside [TracedProducer] and [TracedHandler] methods taking ConsumeResult or Message,
/// through a real Kafka protocol endpoint (the mock cluster): one trace from send to process, the
/// context carried as UTF-8 bytes in the message headers.
/// </summary>
[Collection(KafkaCollection.Name)]
public sealed class ProduceAndHandleTests
{
    private readonly MockCluster _cluster;
    private readonly string _topic = "orders-" + Guid.NewGuid().ToString("N")[..8];

    public ProduceAndHandleTests(MockCluster cluster) => _cluster = cluster;

    [Fact]
    public async Task A_produced_message_carries_its_send_span_context_to_the_process_span()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();

        var delivery = await new OrderProducer(producer).PublishAsync(_topic, "order-17", "{\"total\":42}");
        using var consumer = _cluster.Consumer<string, string>("billing", _topic);
        var record = MockCluster.Next(consumer);
        var handler = new BillingHandler();
        handler.Handle(record);

        var send = capture.Single("send " + _topic);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal("kafka", Tag(send, "messaging.system"));
        Assert.Equal("send", Tag(send, "messaging.operation.name"));
        Assert.Equal(_topic, Tag(send, "messaging.destination.name"));
        Assert.Equal("order-17", Tag(send, "messaging.kafka.message.key"));
        Assert.Equal(delivery.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Tag(send, "messaging.destination.partition.id"));
        Assert.Equal(delivery.Offset.Value, Tag(send, "messaging.kafka.offset"));
        Assert.Null(Tag(send, "messaging.kafka.message.tombstone"));
        Assert.Null(Tag(send, "messaging.client.id")); // no client.id configured

        // The context travelled as UTF-8 bytes.
        Assert.True(record.Message.Headers.TryGetLastBytes("traceparent", out var bytes));
        Assert.Equal($"00-{send.TraceId}-{send.SpanId}-01", Encoding.UTF8.GetString(bytes));

        var process = capture.Single("process " + _topic);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal(send.TraceId, process.TraceId);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal(send.SpanId, Assert.Single(process.Links).Context.SpanId);
        Assert.Equal("billing", Tag(process, "messaging.consumer.group.name"));
        Assert.Equal(record.Offset.Value, Tag(process, "messaging.kafka.offset"));
        Assert.Equal("order-17", Tag(process, "messaging.kafka.message.key"));
        Assert.Same(process, Assert.Single(handler.Seen));
    }

    [Fact]
    public void Produce_ends_its_span_in_the_delivery_report_before_the_handler_runs_once()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();
        var reports = new System.Collections.Generic.List<(DeliveryReport<string, string> Report, bool SpanEnded)>();

        // In the handler, the span of this very message (its partition and offset) has already ended.
        new OrderProducer(producer).Publish(_topic, "order-17", "{}", report => reports.Add((report, capture.Spans.Any(s =>
            Equals(Tag(s, "messaging.kafka.offset"), report.Offset.Value)
            && Equals(Tag(s, "messaging.destination.partition.id"), report.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))))));
        new OrderProducer(producer).Publish(_topic, "order-18", "{}", report: null);
        producer.Flush(TimeSpan.FromSeconds(10));

        var (delivered, spanEnded) = Assert.Single(reports);
        Assert.True(spanEnded);
        Assert.False(delivered.Error.IsError);
        var sends = capture.Spans.Where(s => s.DisplayName == "send " + _topic).ToList();
        Assert.Equal(2, sends.Count);
        Assert.All(sends, s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
        Assert.All(sends, s => Assert.NotNull(Tag(s, "messaging.kafka.offset")));
    }

    [Fact]
    public void Produce_without_a_handler_on_a_producer_with_delivery_reports_off_still_sends_and_is_traced()
    {
        using var capture = new TraceCapture();
        var config = new ProducerConfig { BootstrapServers = _cluster.BootstrapServers, EnableDeliveryReports = false };
        using var producer = new ProducerBuilder<string, string>(config).Build();

        new OrderProducer(producer).Publish(_topic, "order-17", "{}", report: null);
        producer.Flush(TimeSpan.FromSeconds(10));

        var send = capture.Single("send " + _topic);
        Assert.Equal(ActivityStatusCode.Unset, send.Status);
        using var consumer = _cluster.Consumer<string, string>("billing", _topic);
        Assert.Equal($"00-{send.TraceId}-{send.SpanId}-01", Header(MockCluster.Next(consumer), "traceparent"));
    }

    [Fact]
    public async Task A_null_value_is_a_tombstone_and_a_chosen_partition_is_recorded_before_the_send()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();
        var publisher = new OrderProducer(producer);

        await publisher.PublishAsync(_topic, "order-17", null);
        await publisher.PublishToPartitionAsync(_topic, 0, "order-18", "{}");

        var spans = capture.Spans.Where(s => s.DisplayName == "send " + _topic).ToList();
        Assert.Equal(2, spans.Count);
        Assert.Equal(true, Tag(spans[0], "messaging.kafka.message.tombstone"));
        Assert.Equal("0", Tag(spans[1], "messaging.destination.partition.id"));
        Assert.Null(Tag(spans[1], "messaging.kafka.message.tombstone"));
    }

    [Fact]
    public async Task A_value_type_that_cannot_be_null_is_never_a_tombstone()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<Null, int>();

        var delivery = await new CountProducer(producer).PublishAsync(_topic, 0);

        var send = Assert.Single(capture.Spans, s => s.DisplayName == "send " + _topic);
        Assert.Null(Tag(send, "messaging.kafka.message.tombstone"));
        Assert.Equal(delivery.Offset.Value, Tag(send, "messaging.kafka.offset"));
        Assert.True(delivery.Message.Headers.TryGetLastBytes("traceparent", out var traceParent));
        Assert.Equal(send.Id, Encoding.UTF8.GetString(traceParent));
    }

    [Fact]
    public async Task A_send_whose_key_type_is_generic_is_traced_like_any_other()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>(clientId: "order-service");
        var publisher = new GenericOrderProducer<string>(producer);

        var delivery = await publisher.PublishAsync(_topic, "order-17", "{}");

        var send = Assert.Single(capture.Spans, s => s.DisplayName == "send " + _topic);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal("order-17", Tag(send, "messaging.kafka.message.key"));
        Assert.Equal("order-service", Tag(send, "messaging.client.id"));
        Assert.Equal(delivery.Offset.Value, Tag(send, "messaging.kafka.offset"));
        Assert.True(delivery.Message.Headers.TryGetLastBytes("traceparent", out var traceParent));
        Assert.Equal(send.Id, Encoding.UTF8.GetString(traceParent));
    }

    [Fact]
    public async Task A_configured_client_id_is_recorded_on_each_send_of_that_producer()
    {
        using var capture = new TraceCapture();
        using var named = _cluster.Producer<string, string>(clientId: "order-service");
        using var other = _cluster.Producer<string, string>(clientId: "audit");

        await new OrderProducer(named).PublishAsync(_topic, "order-17", "{}");
        await new OrderProducer(other).PublishAsync(_topic, "order-18", "{}");
        await new OrderProducer(named).PublishAsync(_topic, "order-19", "{}");

        var sends = capture.Spans.Where(s => s.DisplayName == "send " + _topic).ToList();
        Assert.Equal(["order-service", "audit", "order-service"], sends.Select(s => Tag(s, "messaging.client.id")));
    }

    [Fact]
    public async Task A_key_that_is_not_text_is_recorded_only_through_a_registered_formatter()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<long, string>();
        var publisher = new NumberedOrderProducer(producer);

        await publisher.PublishAsync(_topic, 17, "{}");
        KafkaMessageKeys.UseFormatter<long>(static key => "order-" + key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await publisher.PublishAsync(_topic, 18, "{}");
        }
        finally
        {
            KafkaMessageKeys.UseFormatter<long>(null);
        }

        var sends = capture.Spans.Where(s => s.DisplayName == "send " + _topic).ToList();
        Assert.Equal([null, "order-18"], sends.Select(s => Tag(s, "messaging.kafka.message.key")));
    }

    [Fact]
    public async Task A_message_sent_twice_carries_each_send_its_own_context()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();
        var message = new Message<string, string> { Key = "order-17", Value = "{}" };
        var publisher = new OrderProducer(producer);

        await publisher.PublishAsync(_topic, message);
        await publisher.PublishAsync(_topic, message);

        var sends = capture.Spans.Where(s => s.DisplayName == "send " + _topic).ToList();
        Assert.Equal(2, sends.Count);
        using var consumer = _cluster.Consumer<string, string>("billing", _topic);
        var first = MockCluster.Next(consumer);
        var second = MockCluster.Next(consumer);
        Assert.Equal(TraceParent(sends[0]), Header(first, "traceparent"));
        Assert.Equal(TraceParent(sends[1]), Header(second, "traceparent"));
        Assert.Single(message.Headers, h => h.Key == "traceparent");
    }

    [Fact]
    public async Task A_users_own_traceparent_is_kept_and_linked()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();
        const string upstream = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var message = new Message<string, string> { Key = "k", Value = "{}", Headers = new Headers { { "traceparent", Encoding.UTF8.GetBytes(upstream) } } };

        await new OrderProducer(producer).PublishAsync(_topic, message);

        var send = capture.Single("send " + _topic);
        Assert.Equal("00f067aa0ba902b7", Assert.Single(send.Links).Context.SpanId.ToHexString());
        using var consumer = _cluster.Consumer<string, string>("billing", _topic);
        Assert.Equal(upstream, Header(MockCluster.Next(consumer), "traceparent"));
    }

    [Fact]
    public async Task An_untraced_produce_writes_no_header()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();

        await new OrderProducer(producer).PublishUntracedAsync(_topic, new Message<string, string> { Key = "k", Value = "{}" });

        Assert.Empty(capture.Spans);
        using var consumer = _cluster.Consumer<string, string>("billing", _topic);
        Assert.Null(Header(MockCluster.Next(consumer), "traceparent"));
    }

    [Fact]
    public async Task A_batch_of_records_is_one_span_linked_to_each_and_a_Message_handler_uses_its_declared_destination()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();
        var publisher = new OrderProducer(producer);
        await publisher.PublishAsync(_topic, "a", "{}");
        await publisher.PublishAsync(_topic, "b", "{}");
        using var consumer = _cluster.Consumer<string, string>("billing", _topic);
        var records = new[] { MockCluster.Next(consumer), MockCluster.Next(consumer) };
        var handler = new BillingHandler();

        handler.HandleBatch(records);
        handler.HandleMessage(records[0].Message);

        var sends = capture.Spans.Where(s => s.DisplayName == "send " + _topic).ToList();
        var batch = capture.Single("process " + _topic);
        Assert.Equal(sends.Select(s => s.SpanId.ToHexString()).Order(), batch.Links.Select(l => l.Context.SpanId.ToHexString()).Order());
        Assert.Equal(2, Tag(batch, "messaging.batch.message_count"));
        var single = capture.Single("process orders");
        Assert.Contains(single.TraceId, sends.Select(s => s.TraceId));
    }

    [Fact]
    public async Task Consume_in_a_traced_consumer_is_a_receive_span_linked_to_the_send_and_an_empty_poll_has_none()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();
        await new OrderProducer(producer).PublishAsync(_topic, "order-17", "{}");
        using var consumer = _cluster.Consumer<string, string>("inventory", _topic);
        var poller = new InventoryPoller(consumer, new BillingHandler());

        var record = poller.PollOnce(TimeSpan.FromSeconds(20));
        var nothing = poller.PollOnce(TimeSpan.FromMilliseconds(200));

        Assert.NotNull(record);
        Assert.Null(nothing);
        var send = capture.Single("send " + _topic);
        var receive = capture.Single("receive " + _topic);
        Assert.Equal(ActivityKind.Client, receive.Kind);
        Assert.Equal("inventory", Tag(receive, "messaging.consumer.group.name"));
        Assert.Equal(send.SpanId, Assert.Single(receive.Links).Context.SpanId);
        var process = capture.Single("process " + _topic);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Single(capture.Spans, s => s.DisplayName.StartsWith("receive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partition_EOF_event_has_no_receive_span()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();
        await new OrderProducer(producer).PublishAsync(_topic, "order-17", "{}");
        using var consumer = _cluster.Consumer<string, string>("inventory", _topic, partitionEof: true);
        var poller = new InventoryPoller(consumer, new BillingHandler());

        // Every partition of the topic reports its end once the record (in one of them) has been read.
        var results = new List<ConsumeResult<string, string>>();
        while (results.Count(r => !r.IsPartitionEOF) == 0 || results.Count(r => r.IsPartitionEOF) < consumer.Assignment.Count)
        {
            var result = poller.PollOnce(TimeSpan.FromSeconds(20));
            Assert.NotNull(result);
            results.Add(result);
        }

        Assert.Contains(results, r => r.IsPartitionEOF && r.Message is null);
        var receive = Assert.Single(capture.Spans, s => s.DisplayName.StartsWith("receive", StringComparison.Ordinal));
        Assert.Equal("receive " + _topic, receive.DisplayName);
        Assert.Single(receive.Links);
    }

    [Fact]
    public async Task Commit_with_TraceSettle_is_a_settle_span_linked_to_the_record()
    {
        using var capture = new TraceCapture();
        using var producer = _cluster.Producer<string, string>();
        await new OrderProducer(producer).PublishAsync(_topic, "order-17", "{}");
        using var consumer = _cluster.Consumer<string, string>("inventory", _topic);

        new InventoryPoller(consumer, new BillingHandler()).PollAndCommit(TimeSpan.FromSeconds(20));

        var send = capture.Single("send " + _topic);
        var commit = capture.Single("commit " + _topic);
        Assert.Equal(ActivityKind.Client, commit.Kind);
        Assert.Equal("commit", Tag(commit, "messaging.operation.name"));
        Assert.Equal("settle", Tag(commit, "messaging.operation.type"));
        Assert.Equal(send.SpanId, Assert.Single(commit.Links).Context.SpanId);
        Assert.Equal(ActivityStatusCode.Unset, commit.Status);
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xfe, 0x00, 0x80 })]
    [InlineData(null)]
    public void Garbage_traceparent_bytes_give_a_root_process_span_without_a_link(byte[]? value)
    {
        using var capture = new TraceCapture();
        var bytes = value ?? Encoding.UTF8.GetBytes("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" + new string('x', 600));
        var record = new ConsumeResult<string, string>
        {
            Topic = _topic,
            Partition = new Partition(0),
            Offset = new Offset(7),
            Message = new Message<string, string> { Key = "k", Value = "{}", Headers = new Headers { { "traceparent", bytes } } },
        };

        new BillingHandler().Handle(record);

        var process = capture.Single("process " + _topic);
        Assert.Empty(process.Links);
        Assert.Equal(default, process.ParentSpanId);
    }

    private static string TraceParent(Activity span) => $"00-{span.TraceId}-{span.SpanId}-01";

    private static string? Header(ConsumeResult<string, string> record, string name) =>
        record.Message.Headers is { } headers && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
