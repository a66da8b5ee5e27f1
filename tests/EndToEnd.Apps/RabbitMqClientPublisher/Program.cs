// Publishes one message to a RabbitMQ queue with RabbitMQ.Client 7's own tracing (ActivitySource
// "RabbitMQ.Client.Publisher"), exported over OTLP. No MessageTrace code is involved: this is
// the client's instrumentation, for the end-to-end tests to read back and to interoperate with.
//
//   args: QUEUE MESSAGE_ID        (the message goes through the default exchange to QUEUE,
//                                  declared non-durable and auto-delete, with MessageId set)
//   env:  MESSAGETRACE_RABBITMQ_URI, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME
//   prints "e2e: published MESSAGE_ID" once the broker confirmed the message.
using System;
using System.Text;
using MessageTrace.EndToEnd.Apps;
using RabbitMQ.Client;

return await App.RunAsync("RabbitMqClientPublisher", async cancellationToken =>
{
    var queue = App.Argument(args, 0, "QUEUE");
    var messageId = App.Argument(args, 1, "MESSAGE_ID");
    var uri = App.Environment("MESSAGETRACE_RABBITMQ_URI", "the AMQP URI of the RabbitMQ broker (amqp://guest:guest@127.0.0.1:PORT/)");

    using var tracing = AppTracing.Start([RabbitMQActivitySource.PublisherSourceName]);
    var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "RabbitMqClientPublisher" };
    await using var connection = await factory.CreateConnectionAsync(cancellationToken);
    // With confirmations tracked, BasicPublishAsync returns once the broker has the message,
    // and throws if it was returned as unroutable (mandatory).
    var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
    await using var channel = await connection.CreateChannelAsync(options, cancellationToken);
    await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: true, arguments: null,
        cancellationToken: cancellationToken);

    var properties = new BasicProperties { MessageId = messageId, ContentType = "text/plain" };
    await channel.BasicPublishAsync(exchange: "", routingKey: queue, mandatory: true, basicProperties: properties,
        body: Encoding.UTF8.GetBytes("message " + messageId), cancellationToken: cancellationToken);
    App.Signal(AppProtocol.Published, messageId);
});
