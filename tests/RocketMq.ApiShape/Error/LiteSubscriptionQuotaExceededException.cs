#nullable disable
// Mirrors Org.Apache.Rocketmq.Error.LiteSubscriptionQuotaExceededException of RocketMQ.Client 5.2.1.
using System;

namespace Org.Apache.Rocketmq.Error
{
    /// <summary>The lite subscription quota of a <see cref="LitePushConsumer"/> is exceeded.</summary>
    public class LiteSubscriptionQuotaExceededException : ClientException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">The message.</param>
        public LiteSubscriptionQuotaExceededException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with an inner exception.</summary>
        /// <param name="message">The message.</param>
        /// <param name="innerException">The inner exception.</param>
        public LiteSubscriptionQuotaExceededException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
