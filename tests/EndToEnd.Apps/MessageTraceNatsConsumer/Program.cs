// Consumes from NATS with MessageTrace: each message read from a core NATS subscription is handed
// to a [TracedHandler] method, called from the receive loop (no hand-written spans or extraction),
// and the spans are exported over OTLP. NATS.Net's own tracing is off (no listener for "NATS.Net").
//
//   args: SUBJECT COUNT [OPTION...]  (SUBJECT may be a wildcard; exits after COUNT messages)
//     --group     subscribes in the queue group "e2e-billing" and hands messages to the handler
//                 with ConsumerGroup = "e2e-billing"
//     --ambient   calls the handler inside an app-level ambient span ("e2e ambient consume",
//                 source MessageTrace.EndToEnd.Apps)
//   env:  MESSAGETRACE_NATS_URL, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME (spans and MessageTrace's metrics are exported)
//   prints "e2e: ready" once subscribed, then per message, from inside the handler,
//   "e2e: received MESSAGE_ID subject=SUBJECT headers=KEY:TYPE,... activity=TRACE_ID-SPAN_ID"
//   (MESSAGE_ID from the message-id header, "-" without one; Activity.Current in the handler
//   body, "none" without one).
using MessageTrace;
using MessageTrace.EndToEnd.Apps;
using MessageTrace.EndToEnd.Apps.NatsConsumer;
using NATS.Client.Core;
using NATS.Net;

return await App.RunAsync("MessageTraceNatsConsumer", async cancellationToken =>
{
    var subject = App.Argument(args, 0, "SUBJECT");
    var count = App.PositiveIntArgument(args, 1, "COUNT", fallback: 1);
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
            default:
                throw new AppUsageException($"unknown option '{args[i]}': expected --group or --ambient");
        }
    }

    var url = App.Environment("MESSAGETRACE_NATS_URL", "the URL of the NATS server (nats://127.0.0.1:PORT)");
    using var tracing = AppTracing.Start([MessageTraceSource.Name, AmbientSpans.SourceName]);
    using var metrics = AppMetrics.Start();
    await using var client = new NatsClient(new NatsOpts { Url = url, Name = "MessageTraceNatsConsumer" });
    await client.ConnectAsync();
    await using var subscription = await client.Connection.SubscribeCoreAsync<string>(subject,
        queueGroup: group ? MessageHandlers.BillingGroup : null, cancellationToken: cancellationToken);
    // The server answers a PING only after it has processed the SUB sent before it.
    await client.PingAsync(cancellationToken);
    App.Signal(AppProtocol.Ready);

    var handlers = new MessageHandlers();
    var received = 0;
    await foreach (var message in subscription.Msgs.ReadAllAsync(cancellationToken))
    {
        if (ambient)
        {
            using var span = AmbientSpans.Source.StartActivity("e2e ambient consume");
            await (group ? handlers.HandleAsBillingAsync(message) : handlers.HandleAsync(message));
        }
        else if (group)
        {
            await handlers.HandleAsBillingAsync(message);
        }
        else
        {
            await handlers.HandleAsync(message);
        }

        if (++received == count)
        {
            break;
        }
    }
});
