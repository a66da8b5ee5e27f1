using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MessageTrace.Nats.Tests.App;
using MessageTrace.Nats.Tests.Infrastructure;
using NATS.Client.Core;
using NATS.Client.Services;
using NATS.Net;
using Xunit;
using MessageTrace.Tests.Shared;
using static MessageTrace.Tests.Shared.TraceCapture;

namespace MessageTrace.Nats.Tests;

/// <summary>
/// RequestAsync inside [TracedProducer], answered by a [TracedHandler] through a real NATS server: the
/// request is a send whose context reaches the service, and whose span lasts until the reply is back.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class RequestReplyTests(NatsServer server)
{
    private readonly string _subject = "prices-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_request_is_a_send_whose_context_reaches_the_service_and_whose_span_ends_with_the_reply()
    {
        using var capture = new TraceCapture();
        var service = new PriceService();
        var answering = await AnswerOneAsync(service);

        var answer = await new PriceClient(server.Client).AskAsync(_subject, "apples");
        await answering;

        Assert.Equal("price of apples", answer);
        var send = capture.Single("send " + _subject);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal("send", Tag(send, "messaging.operation.type"));
        Assert.Equal("nats", Tag(send, "messaging.system"));

        var process = capture.Single("process " + _subject);
        Assert.Equal(send.TraceId, process.TraceId);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal("pricing", Tag(process, "messaging.consumer.group.name"));
        Assert.Same(process, Assert.Single(service.Seen).Span);

        // The service answered inside the request's span: it ends after the process span that replied.
        Assert.True(send.StartTimeUtc + send.Duration >= process.StartTimeUtc + process.Duration);

        // The reply is a send to the requester's inbox: a temporary subject, so it names no span.
        var reply = Assert.Single(capture.Spans, s => s.DisplayName == "send");
        Assert.Equal(ActivityKind.Producer, reply.Kind);
        Assert.Equal(process.SpanId, reply.ParentSpanId);
        Assert.Equal(true, Tag(reply, "messaging.destination.temporary"));
        Assert.Null(Tag(reply, "messaging.destination.name"));
    }

    [Fact]
    public async Task A_request_keeps_the_callers_headers_and_adds_its_context()
    {
        using var capture = new TraceCapture();
        var service = new PriceService();
        var answering = await AnswerOneAsync(service);

        await new PriceClient(server.Client).AskAsync(_subject, "pears", new NatsHeaders { ["origin"] = "shop" });
        await answering;

        var send = capture.Single("send " + _subject);
        var headers = Assert.Single(service.Seen).Headers;
        Assert.NotNull(headers);
        Assert.Equal("shop", headers["origin"].ToString());
        Assert.Equal(send.Id, headers["traceparent"].ToString());
    }

    [Fact]
    public async Task A_request_without_data_carries_its_context_in_headers_of_its_own()
    {
        using var capture = new TraceCapture();
        var service = new PriceService();
        var answering = await AnswerOneAsync(service);

        var answer = await new PriceClient(server.Client).AskAsync(_subject);
        await answering;

        Assert.Equal("price of ", answer); // the service got no data, as without tracing
        var send = capture.Single("send " + _subject);
        var (span, headers) = Assert.Single(service.Seen);
        Assert.Equal(send.Id, headers?["traceparent"].ToString());
        Assert.Equal(send.SpanId, span?.ParentSpanId);
    }

    [Fact]
    public async Task Without_tracing_a_request_without_data_goes_out_as_written()
    {
        var service = new PriceService();
        var answering = await AnswerOneAsync(service);

        var answer = await new PriceClient(server.Client).AskAsync(_subject);
        await answering;

        Assert.Equal("price of ", answer);
        var (span, headers) = Assert.Single(service.Seen);
        Assert.Null(span);
        Assert.Null(headers);
    }

    [Fact]
    public async Task A_service_endpoints_handler_continues_the_requests_trace()
    {
        using var capture = new TraceCapture();
        var endpoint = new PriceEndpoint();
        await using var service = await server.Client.CreateServicesContext().AddServiceAsync("pricing", "1.0.0");
        await service.AddEndpointAsync<string>(handler: request => endpoint.AnswerAsync(request), name: "price", subject: _subject);

        var reply = await new PriceClient(server.Client).AskAsync(_subject, "figs");

        Assert.Equal("price of figs", reply);
        var send = capture.Single("send " + _subject);
        var process = capture.Single("process " + _subject);
        Assert.Equal(send.TraceId, process.TraceId);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Same(process, Assert.Single(endpoint.Seen));
        var answer = Assert.Single(capture.Spans, s => s.DisplayName == "send");
        Assert.Equal(process.SpanId, answer.ParentSpanId);
        Assert.Equal(true, Tag(answer, "messaging.destination.temporary"));
    }

    [Fact]
    public async Task With_tracing_off_a_request_goes_out_as_written()
    {
        var service = new PriceService();
        var answering = await AnswerOneAsync(service);

        var reply = await new PriceClient(server.Client).AskAsync(_subject, "plums");
        await answering;

        Assert.Equal("price of plums", reply);
        var (span, headers) = Assert.Single(service.Seen);
        Assert.Null(span);
        Assert.Null(headers); // no headers created for a trace nobody listens to
    }

    // Subscribes first (the returned task is the answer of the one request to come), so that the
    // request cannot be published before anyone listens.
    private async Task<Task> AnswerOneAsync(PriceService service)
    {
        var subscription = await server.Client.Connection.SubscribeCoreAsync<string>(_subject);
        return AnswerAsync();

        async Task AnswerAsync()
        {
            await using (subscription)
            {
                var request = await subscription.Msgs.ReadAsync();
                await service.AnswerAsync(request);
            }
        }
    }
}
