// Consumes messages from a RabbitMQ queue with RabbitMQ.Client 7's own tracing (ActivitySource
// "RabbitMQ.Client.Subscriber"), exported over OTLP. No MessageTrace code is involved.
//
//   args: QUEUE [COUNT=1]        (declares QUEUE non-durable and auto-delete, consumes with
//                                 manual acks, exits after COUNT messages)
//   env:  MESSAGETRACE_RABBITMQ_URI, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME
//   prints "e2e: ready" once consuming, then "e2e: received MESSAGE_ID headers=KEY:TYPE,..."
//   per message.
using System;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace.EndToEnd.Apps;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

return await App.RunAsync("RabbitMqClientConsumer", async cancellationToken =>
{
    var queue = App.Argument(args, 0, "QUEUE");
    var count = App.PositiveIntArgument(args, 1, "COUNT", fallback: 1);
    var uri = App.Environment("MESSAGETRACE_RABBITMQ_URI", "the AMQP URI of the RabbitMQ broker (amqp://guest:guest@127.0.0.1:PORT/)");

    using var tracing = AppTracing.Start([RabbitMQActivitySource.SubscriberSourceName]);
    var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "RabbitMqClientConsumer" };
    await using var connection = await factory.CreateConnectionAsync(cancellationToken);
    await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
    await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: true, arguments: null,
        cancellationToken: cancellationToken);

    var received = 0;
    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var consumer = new AsyncEventingBasicConsumer(channel);
    consumer.ReceivedAsync += async (_, delivery) =>
    {
        App.Signal(AppProtocol.Received,
            $"{delivery.BasicProperties.MessageId} headers={App.DescribeHeaders(delivery.BasicProperties.Headers)}");
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken: CancellationToken.None);
        if (Interlocked.Increment(ref received) == count)
        {
            done.TrySetResult();
        }
    };
    await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
    App.Signal(AppProtocol.Ready);
    await done.Task.WaitAsync(cancellationToken);
});
