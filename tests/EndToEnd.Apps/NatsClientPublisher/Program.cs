// Publishes one message to a NATS subject with NATS.Net 3's own tracing (ActivitySource
// "NATS.Net", internal class NATS.Client.Core.Internal.Telemetry), exported over OTLP. No
// MessageTrace code is involved.
//
//   args: SUBJECT MESSAGE_ID     (the message carries the header message-id: MESSAGE_ID)
//   env:  MESSAGETRACE_NATS_URL, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME
//   prints "e2e: published MESSAGE_ID" once the server has the message.
using MessageTrace.EndToEnd.Apps;
using NATS.Client.Core;

return await App.RunAsync("NatsClientPublisher", async cancellationToken =>
{
    var subject = App.Argument(args, 0, "SUBJECT");
    var messageId = App.Argument(args, 1, "MESSAGE_ID");
    var url = App.Environment("MESSAGETRACE_NATS_URL", "the URL of the NATS server (nats://127.0.0.1:PORT)");

    using var tracing = AppTracing.Start(["NATS.Net"]);
    await using var connection = new NatsConnection(NatsOpts.Default with { Url = url, Name = "NatsClientPublisher" });
    await connection.ConnectAsync();
    await connection.PublishAsync(subject, "message " + messageId, headers: new NatsHeaders { ["message-id"] = messageId },
        cancellationToken: cancellationToken);
    // The server answers a PING only after it has processed everything sent before it.
    await connection.PingAsync(cancellationToken);
    App.Signal(AppProtocol.Published, messageId);
});
