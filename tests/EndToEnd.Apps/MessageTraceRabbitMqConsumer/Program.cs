// Consumes from RabbitMQ with MessageTrace: each delivery is handed to a [TracedHandler] method,
// called from the consumer's ReceivedAsync lambda (no hand-written spans or extraction), and the
// spans are exported over OTLP. RabbitMQ.Client's own tracing is off (no listener for its sources).
//
//   args: QUEUE COUNT [OPTION...]  (declares QUEUE non-durable and auto-delete, consumes with
//                                   manual acks, exits after COUNT messages)
//     --exchange=NAME   also declares the direct exchange NAME (auto-delete) and binds QUEUE to it
//                       with routing key QUEUE
//     --group           hands deliveries to the handler with ConsumerGroup = "e2e-billing"
//     --ambient         calls the handler inside an app-level ambient span ("e2e ambient consume",
//                       source MessageTrace.EndToEnd.Apps)
//   env:  MESSAGETRACE_RABBITMQ_URI, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME (spans and MessageTrace's metrics are exported)
//   prints "e2e: ready" once consuming, then per message, from inside the handler,
//   "e2e: received MESSAGE_ID headers=KEY:TYPE,... activity=TRACE_ID-SPAN_ID" (Activity.Current
//   in the handler body, "none" without one).
using System;
using System.Threading;
using System.Threading.Tasks;
using MessageTrace;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Apps.RabbitMqConsumer;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

return await App.RunAsync("MessageTraceRabbitMqConsumer", async cancellationToken =>
{
    var queue = App.Argument(args, 0, "QUEUE");
    var count = App.PositiveIntArgument(args, 1, "COUNT", fallback: 1);
    string? exchange = null;
    bool group = false, ambient = false;
    for (var i = 2; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--group":
                group = true;
                break;
            case "--ambient":
                ambient = true;
                break;
            case var option when option.StartsWith("--exchange=", StringComparison.Ordinal) && option.Length > "--exchange=".Length:
                exchange = option["--exchange=".Length..];
                break;
            default:
                throw new AppUsageException($"unknown option '{args[i]}': expected --exchange=NAME, --group or --ambient");
        }
    }

    var uri = App.Environment("MESSAGETRACE_RABBITMQ_URI", "the AMQP URI of the RabbitMQ broker (amqp://guest:guest@127.0.0.1:PORT/)");
    using var tracing = AppTracing.Start([MessageTraceSource.Name, AmbientSpans.SourceName]);
    using var metrics = AppMetrics.Start();
    var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "MessageTraceRabbitMqConsumer" };
    await using var connection = await factory.CreateConnectionAsync(cancellationToken);
    await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
    await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: true, arguments: null,
        cancellationToken: cancellationToken);
    if (exchange is not null)
    {
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Direct, durable: false, autoDelete: true, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, exchange, routingKey: queue, cancellationToken: cancellationToken);
    }

    var handlers = new DeliveryHandlers();
    var received = 0;
    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var consumer = new AsyncEventingBasicConsumer(channel);
    consumer.ReceivedAsync += async (_, delivery) =>
    {
        if (ambient)
        {
            using var span = AmbientSpans.Source.StartActivity("e2e ambient consume");
            await (group ? handlers.HandleAsBillingAsync(delivery) : handlers.HandleAsync(delivery));
        }
        else if (group)
        {
            await handlers.HandleAsBillingAsync(delivery);
        }
        else
        {
            await handlers.HandleAsync(delivery);
        }

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
