// Receives messages from a NATS subject with NATS.Net 3's own tracing (ActivitySource
// "NATS.Net"), exported over OTLP. No MessageTrace code is involved.
//
//   args: SUBJECT [COUNT=1]      (core NATS subscription; exits after COUNT messages)
//   env:  MESSAGETRACE_NATS_URL, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME
//   prints "e2e: ready" once subscribed, then "e2e: received MESSAGE_ID headers=KEY:TYPE,..."
//   per message (MESSAGE_ID from the message-id header).
using MessageTrace.EndToEnd.Apps;
using NATS.Client.Core;

return await App.RunAsync("NatsClientSubscriber", async cancellationToken =>
{
    var subject = App.Argument(args, 0, "SUBJECT");
    var count = App.PositiveIntArgument(args, 1, "COUNT", fallback: 1);
    var url = App.Environment("MESSAGETRACE_NATS_URL", "the URL of the NATS server (nats://127.0.0.1:PORT)");

    using var tracing = AppTracing.Start(["NATS.Net"]);
    await using var connection = new NatsConnection(NatsOpts.Default with { Url = url, Name = "NatsClientSubscriber" });
    await connection.ConnectAsync();
    await using var subscription = await connection.SubscribeCoreAsync<string>(subject, cancellationToken: cancellationToken);
    // The server answers a PING only after it has processed the SUB sent before it.
    await connection.PingAsync(cancellationToken);
    App.Signal(AppProtocol.Ready);

    for (var received = 0; received < count; received++)
    {
        var message = await subscription.Msgs.ReadAsync(cancellationToken);
        var messageId = message.Headers is { } headers && headers.TryGetValue("message-id", out var value) ? value.ToString() : "";
        App.Signal(AppProtocol.Received, $"{messageId} headers={App.DescribeHeaders(message.Headers)}");
    }
});
