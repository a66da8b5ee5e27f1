#nullable disable
// Mirrors the non-protobuf members of Org.Apache.Rocketmq.IRetryPolicy of RocketMQ.Client 5.2.1
// (ToProtobuf and InheritBackoff take protobuf types and are not mirrored).
using System;

namespace Org.Apache.Rocketmq
{
    /// <summary>Retry policy of a client.</summary>
    public interface IRetryPolicy
    {
        /// <summary>Maximum number of attempts, the first included.</summary>
        /// <returns>The maximum.</returns>
        int GetMaxAttempts();

        /// <summary>Delay before the given attempt; attempts count from 1.</summary>
        /// <param name="attempt">The attempt.</param>
        /// <returns>The delay.</returns>
        TimeSpan GetNextAttemptDelay(int attempt);
    }

    /// <summary>
    /// Not in the real client (where the broker sends the policy): 16 attempts with RocketMQ's
    /// customary delay levels.
    /// </summary>
    internal sealed class DefaultRetryPolicy : IRetryPolicy
    {
        private static readonly TimeSpan[] Delays =
        {
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30),
            TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4),
            TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(8),
            TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30),
            TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        };

        public int GetMaxAttempts()
        {
            return 16;
        }

        public TimeSpan GetNextAttemptDelay(int attempt)
        {
            Preconditions.CheckArgument(attempt > 0, "attempt must be positive");
            return attempt > Delays.Length ? Delays[^1] : Delays[attempt - 1];
        }
    }
}
