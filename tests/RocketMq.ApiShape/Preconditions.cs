#nullable disable
// Mirrors Org.Apache.Rocketmq.Preconditions of RocketMQ.Client 5.2.1 (public there too).
using System;

namespace Org.Apache.Rocketmq
{
    /// <summary>Argument checks used by the builders.</summary>
    public static class Preconditions
    {
        /// <summary>Throws <see cref="ArgumentException"/> with <paramref name="message"/> when the condition is false.</summary>
        /// <param name="condition">The condition that must hold.</param>
        /// <param name="message">The exception message.</param>
        /// <exception cref="ArgumentException">The condition is false.</exception>
        public static void CheckArgument(bool condition, string message)
        {
            if (!condition)
            {
                throw new ArgumentException(message);
            }
        }
    }
}
