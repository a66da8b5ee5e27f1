#nullable disable
// Mirrors the public members of Org.Apache.Rocketmq.ConsumeService of RocketMQ.Client 5.2.1 that do
// not involve its process-queue plumbing (the abstract Consume(ProcessQueue, List<MessageView>) is not mirrored).
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Org.Apache.Rocketmq
{
    /// <summary>Runs a push consumer's listener on the consumption threads.</summary>
    public abstract class ConsumeService
    {
        /// <summary>The id of the owning client.</summary>
        protected readonly string ClientId;

        private readonly IMessageListener _messageListener;
        private readonly TaskScheduler _consumptionTaskScheduler;
        private readonly CancellationToken _consumptionCtsToken;

        /// <summary>Creates the service.</summary>
        /// <param name="clientId">The id of the owning client.</param>
        /// <param name="messageListener">The listener.</param>
        /// <param name="consumptionTaskScheduler">The scheduler of the consumption threads.</param>
        /// <param name="consumptionCtsToken">Cancelled at shutdown.</param>
        public ConsumeService(string clientId, IMessageListener messageListener,
            TaskScheduler consumptionTaskScheduler, CancellationToken consumptionCtsToken)
        {
            ClientId = clientId;
            _messageListener = messageListener;
            _consumptionTaskScheduler = consumptionTaskScheduler;
            _consumptionCtsToken = consumptionCtsToken;
        }

        /// <summary>Consumes one message on the consumption threads; a listener exception yields <see cref="ConsumeResult.FAILURE"/>.</summary>
        /// <param name="messageView">The message.</param>
        /// <returns>The consumption result.</returns>
        public Task<ConsumeResult> Consume(MessageView messageView)
        {
            return Consume(messageView, TimeSpan.Zero);
        }

        /// <summary>Consumes one message after a delay on the consumption threads.</summary>
        /// <param name="messageView">The message.</param>
        /// <param name="delay">The delay.</param>
        /// <returns>The consumption result.</returns>
        public Task<ConsumeResult> Consume(MessageView messageView, TimeSpan delay)
        {
            if ((int)delay.TotalMilliseconds <= 0)
            {
                return Task.Factory.StartNew(() => Call(messageView), _consumptionCtsToken, TaskCreationOptions.None,
                    _consumptionTaskScheduler);
            }

            var tcs = new TaskCompletionSource<ConsumeResult>();
            Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(delay, _consumptionCtsToken);
                    var result = await Task.Factory.StartNew(() => Call(messageView), _consumptionCtsToken,
                        TaskCreationOptions.None, _consumptionTaskScheduler);
                    tcs.SetResult(result);
                }
                catch (Exception e)
                {
                    tcs.SetException(e);
                }
            }, _consumptionCtsToken);
            return tcs.Task;
        }

        private ConsumeResult Call(MessageView messageView)
        {
            try
            {
                return _messageListener.Consume(messageView);
            }
            catch (Exception)
            {
                // The real client logs and counts a listener exception as a failure.
                return ConsumeResult.FAILURE;
            }
        }
    }

    /// <summary>Not in the real client: the concrete service the double's push consumer uses.</summary>
    internal sealed class StandardConsumeServiceDouble : ConsumeService
    {
        public StandardConsumeServiceDouble(string clientId, IMessageListener messageListener,
            TaskScheduler consumptionTaskScheduler, CancellationToken consumptionCtsToken)
            : base(clientId, messageListener, consumptionTaskScheduler, consumptionCtsToken)
        {
        }
    }
}
