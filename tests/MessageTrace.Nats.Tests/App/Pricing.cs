using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using NATS.Client.Core;
using NATS.Client.Services;

namespace MessageTrace.Nats.Tests.App;

/// <summary>Request code as the NATS docs write it, traced by the attribute alone.</summary>
public sealed class PriceClient(INatsClient client)
{
    [TracedProducer]
    public async Task<string?> AskAsync(string subject, string item)
    {
        NatsMsg<string> reply = await client.RequestAsync<string, string>(subject, item);
        return reply.Data;
    }

    /// <summary>A request without data, as the NATS docs' time service is asked.</summary>
    [TracedProducer]
    public async Task<string?> AskAsync(string subject)
    {
        var reply = await client.RequestAsync<string>(subject);
        return reply.Data;
    }

    [TracedProducer]
    public async Task<string?> AskAsync(string subject, string item, NatsHeaders headers)
    {
        var reply = await client.RequestAsync<string, string>(subject: subject, data: item, headers: headers);
        return reply.Data;
    }
}

/// <summary>The service side: a traced handler that answers each request with a traced reply.</summary>
public sealed class PriceService
{
    public List<(Activity? Span, NatsHeaders? Headers)> Seen { get; } = new();

    [TracedHandler(ConsumerGroup = "pricing")]
    [TracedProducer]
    public async ValueTask AnswerAsync(NatsMsg<string> request)
    {
        Seen.Add((Activity.Current, request.Headers));
        await request.ReplyAsync("price of " + request.Data);
    }
}

/// <summary>The same service on NATS.Client.Services: an endpoint whose handler is traced.</summary>
public sealed class PriceEndpoint
{
    public List<Activity?> Seen { get; } = new();

    [TracedHandler(ConsumerGroup = "pricing")]
    [TracedProducer]
    public async ValueTask AnswerAsync(NatsSvcMsg<string> request)
    {
        Seen.Add(Activity.Current);
        await request.ReplyAsync("price of " + request.Data);
    }
}
