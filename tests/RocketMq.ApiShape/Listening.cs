#nullable disable
// Mirrors IMessageListener and ConsumeResult of RocketMQ.Client 5.2.1 (not nullable-annotated).
namespace Org.Apache.Rocketmq
{
    /// <summary>Result of a push consumer's message listener.</summary>
    public enum ConsumeResult
    {
        /// <summary>Consumed successfully; the message is acknowledged.</summary>
        SUCCESS,

        /// <summary>Consumption failed; the message is delivered again later.</summary>
        FAILURE,
    }

    /// <summary>Callback of a <see cref="PushConsumer"/> (synchronous).</summary>
    public interface IMessageListener
    {
        /// <summary>Consumes one message. Throwing counts as <see cref="ConsumeResult.FAILURE"/>.</summary>
        /// <param name="messageView">The received message.</param>
        /// <returns>The consumption result.</returns>
        ConsumeResult Consume(MessageView messageView);
    }
}
