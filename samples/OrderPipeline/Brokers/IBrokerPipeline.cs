using System;
using System.Threading;
using System.Threading.Tasks;
using OrderPipeline.Domain;

namespace OrderPipeline.Brokers;

/// <summary>
/// The order service, billing and shipping wired to one broker. <see cref="StartAsync"/> connects and
/// subscribes every consumer before it returns, so no order can be published before billing listens.
/// </summary>
public interface IBrokerPipeline : IAsyncDisposable
{
    /// <summary>Where the broker is, for the logs.</summary>
    string Description { get; }

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>The order service places one order: a traced <c>send orders</c>.</summary>
    Task PlaceOrderAsync(Order order, CancellationToken cancellationToken);
}

/// <summary>
/// What billing's subscription does when the billing handler throws. None of the three brokers can be
/// trusted to redeliver on its own here (MQTT has no negative acknowledgement; core NATS has no
/// redelivery), so the subscription retries the handler once, in process, and when the retry fails too it
/// parks the message on <see cref="Topics.OrdersDead"/>, from which the parking lot consumes it: a
/// failed order is never lost.
/// </summary>
public static class DeliveryPolicy
{
    /// <param name="handle">Calls the traced handler: each call is its own <c>process</c> span.</param>
    /// <param name="park">Publishes the message to the dead-letter topic.</param>
    /// <param name="ledger">Counts the failed attempts.</param>
    public static async Task RetryOnceThenParkAsync(Func<Task> handle, Func<Exception, Task> park, PipelineLedger ledger)
    {
        try
        {
            await handle();
            return;
        }
        catch (Exception)
        {
            ledger.BillingFailed();
        }

        try
        {
            await handle();
        }
        catch (Exception error)
        {
            ledger.BillingFailed();
            await park(error);
        }
    }
}
