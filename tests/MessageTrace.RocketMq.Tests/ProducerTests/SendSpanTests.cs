using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.RocketMq.Tests.Infrastructure;
using MessageTrace.RocketMq.Tests.Producers;
using Org.Apache.Rocketmq;
using Xunit;
using static MessageTrace.RocketMq.Tests.ProducerTests.ProducerKit;

namespace MessageTrace.RocketMq.Tests.ProducerTests;

/// <summary>The send span: name, kind and the attributes the RocketMQ conventions ask for.</summary>
[Collection(TracingCollection.Name)]
public sealed class SendSpanTests
{
    [Fact]
    public async Task Normal_send_span_is_named_after_the_topic_and_carries_the_messaging_attributes()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var message = NewBuilder().SetTag("created").SetKeys("order-1", "customer-7").Build();

        string messageId = await new OrderPublisher(producer).PublishAsync(message);

        var span = SingleSend(capture);
        Assert.Equal("send orders", span.DisplayName);
        Assert.Equal(ActivityKind.Producer, span.Kind);
        Assert.Equal(MessageTraceSource.Name, span.Source.Name);
        Assert.Equal("rocketmq", Tag(span, "messaging.system"));
        Assert.Equal("send", Tag(span, "messaging.operation.type"));
        Assert.Equal("send", Tag(span, "messaging.operation.name"));
        Assert.Equal("orders", Tag(span, "messaging.destination.name"));
        Assert.False(HasTag(span, "messaging.destination.template"));
        Assert.Equal("normal", Tag(span, "messaging.rocketmq.message.type"));
        Assert.Equal("created", Tag(span, "messaging.rocketmq.message.tag"));
        Assert.Equal(new[] { "order-1", "customer-7" }, Assert.IsType<string[]>(Tag(span, "messaging.rocketmq.message.keys")));
        Assert.False(HasTag(span, "messaging.rocketmq.message.group"));
        Assert.False(HasTag(span, "messaging.rocketmq.message.delivery_timestamp"));
        Assert.False(HasTag(span, "messaging.message.body.size"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(record.Receipt!.MessageId, messageId);
        Assert.Equal(messageId, Tag(span, "messaging.message.id"));
    }

    [Fact]
    public async Task Message_without_tag_or_keys_has_no_tag_or_keys_attributes()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();

        await new OrderPublisher(producer).PublishAsync(NewMessage());

        var span = SingleSend(capture);
        Assert.False(HasTag(span, "messaging.rocketmq.message.tag"));
        Assert.False(HasTag(span, "messaging.rocketmq.message.keys"));
    }

    [Fact]
    public async Task Destination_template_names_the_span_and_the_actual_topic_stays_the_destination_name()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();

        await new OptionPublishers(producer).SendTemplated(NewMessage("orders-eu"));

        var span = SingleSend(capture);
        Assert.Equal("send " + OptionPublishers.Template, span.DisplayName);
        Assert.Equal(OptionPublishers.Template, Tag(span, "messaging.destination.template"));
        Assert.Equal("orders-eu", Tag(span, "messaging.destination.name"));
    }

    [Fact]
    public async Task Namespace_option_on_the_method_is_recorded()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();

        await new OptionPublishers(producer).SendTemplated(NewMessage());

        Assert.Equal(OptionPublishers.ExplicitNamespace, Tag(SingleSend(capture), "messaging.rocketmq.namespace"));
    }

    [Fact]
    public async Task Namespace_comes_from_the_assembly_defaults_when_the_attribute_sets_none()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();

        await new OptionPublishers(producer).SendDefaults(NewMessage());

        Assert.Equal(AssemblyDefaults.Namespace, Tag(SingleSend(capture), "messaging.rocketmq.namespace"));
    }

    [Fact]
    public async Task Explicitly_empty_namespace_on_the_method_wins_over_the_assembly_default()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();

        await new OptionPublishers(producer).SendEmptyNamespace(NewMessage());

        Assert.Equal(string.Empty, Tag(SingleSend(capture), "messaging.rocketmq.namespace"));
    }

    [Fact]
    public async Task Namespace_of_a_class_level_attribute_applies_to_the_sends_of_the_class()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();

        await new PartialPublisher(producer).FirstAsync(NewMessage());

        Assert.Equal(PartialPublisher.Namespace, Tag(SingleSend(capture), "messaging.rocketmq.namespace"));
    }

    [Fact]
    public async Task Body_size_is_recorded_when_opted_in()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var message = new Message.Builder().SetTopic(Topic).SetBody(new byte[1234]).Build();

        await new OptionPublishers(producer).SendTemplated(message);

        Assert.Equal(1234, Tag(SingleSend(capture), "messaging.message.body.size"));
    }

    [Fact]
    public async Task Body_size_is_not_recorded_by_default()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var message = new Message.Builder().SetTopic(Topic).SetBody(new byte[1234]).Build();

        await new OptionPublishers(producer).SendDefaults(message);

        Assert.False(HasTag(SingleSend(capture), "messaging.message.body.size"));
    }

    [Fact]
    public async Task Message_with_a_group_is_a_fifo_message_and_records_its_group()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();

        await new OrderPublisher(producer).PublishAsync(NewBuilder().SetMessageGroup("customer-7").Build());

        var span = SingleSend(capture);
        Assert.Equal("fifo", Tag(span, "messaging.rocketmq.message.type"));
        Assert.Equal("customer-7", Tag(span, "messaging.rocketmq.message.group"));
        Assert.Equal(MessageType.Fifo, Assert.Single(producer.SentMessagesForTest).MessageType);
    }

    [Fact]
    public async Task Message_with_a_delivery_timestamp_is_a_delay_message_with_the_timestamp_in_epoch_milliseconds()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var deliverAt = new DateTime(2031, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);

        await new OrderPublisher(producer).PublishAsync(NewBuilder().SetDeliveryTimestamp(deliverAt).Build());

        var span = SingleSend(capture);
        Assert.Equal("delay", Tag(span, "messaging.rocketmq.message.type"));
        var expected = new DateTimeOffset(deliverAt).ToUnixTimeMilliseconds();
        Assert.Equal(1935817689123L, expected);
        Assert.Equal(expected, Assert.IsType<long>(Tag(span, "messaging.rocketmq.message.delivery_timestamp")));
        Assert.False(HasTag(span, "messaging.rocketmq.message.group"));
    }

    [Fact]
    public async Task Local_delivery_timestamp_is_recorded_as_the_same_instant()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var deliverAt = new DateTime(2031, 5, 6, 7, 8, 9, 123, DateTimeKind.Local);

        await new OrderPublisher(producer).PublishAsync(NewBuilder().SetDeliveryTimestamp(deliverAt).Build());

        Assert.Equal(new DateTimeOffset(deliverAt).ToUnixTimeMilliseconds(), Tag(SingleSend(capture), "messaging.rocketmq.message.delivery_timestamp"));
    }

    [Fact]
    public async Task Send_in_a_transaction_is_a_transaction_message_with_the_receipt_id()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();

        var receipt = await new OptionPublishers(producer).SendInTransactionAsync(NewBuilder().SetTag("pay").Build());

        var span = SingleSend(capture);
        Assert.Equal("send orders", span.DisplayName);
        Assert.Equal(ActivityKind.Producer, span.Kind);
        Assert.Equal("transaction", Tag(span, "messaging.rocketmq.message.type"));
        Assert.Equal(OptionPublishers.TransactionNamespace, Tag(span, "messaging.rocketmq.namespace"));
        Assert.Equal(receipt.MessageId, Tag(span, "messaging.message.id"));
        Assert.Equal("pay", Tag(span, "messaging.rocketmq.message.tag"));

        var record = Assert.Single(producer.SentMessagesForTest);
        Assert.Equal(MessageType.Transaction, record.MessageType);
        Assert.Equal(SampledTraceParent(span), Sent(record, TraceParentKey));
        Assert.Equal(TransactionResolution.Commit, ((Transaction)record.Transaction!).ResolutionForTest);
    }

    [Fact]
    public async Task Message_id_is_the_receipt_id_of_each_send()
    {
        using var capture = new TraceCapture();
        var producer = await NewProducerAsync();
        var publisher = new OrderPublisher(producer);

        string first = await publisher.PublishAsync(NewMessage());
        string second = await publisher.PublishAsync(NewMessage());

        Assert.NotEqual(first, second);
        var records = producer.SentMessagesForTest;
        Assert.Equal(2, records.Count);
        Assert.Equal(first, Tag(SpanFor(capture, records[0]), "messaging.message.id"));
        Assert.Equal(second, Tag(SpanFor(capture, records[1]), "messaging.message.id"));
    }
}
