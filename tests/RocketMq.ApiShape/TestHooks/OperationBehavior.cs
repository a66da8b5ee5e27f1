using System;
using System.Threading;
using System.Threading.Tasks;

namespace Org.Apache.Rocketmq.Testing
{
    /// <summary>
    /// Test hook, not in the real client: how one broker round trip of the double completes (a send,
    /// receive, ack, change of invisible duration or end of transaction). Queue behaviours on a client
    /// with its <c>Enqueue…BehaviorForTest</c> hooks; each call of the operation takes the next one,
    /// or the client's default (<see cref="Succeed"/> unless changed) when none is queued.
    /// Failures always surface through the operation's task, never as a synchronous throw.
    /// </summary>
    public sealed class OperationBehavior
    {
        private static readonly OperationBehavior SucceedInstance =
            new OperationBehavior(() => Task.CompletedTask, "Succeed");

        private readonly Func<Task> _apply;
        private readonly string _description;

        private OperationBehavior(Func<Task> apply, string description)
        {
            _apply = apply;
            _description = description;
        }

        /// <summary>Test hook: complete successfully at once (the returned task is already completed).</summary>
        /// <returns>The behaviour.</returns>
        public static OperationBehavior Succeed()
        {
            return SucceedInstance;
        }

        /// <summary>Test hook: complete successfully, but asynchronously (after <see cref="Task.Yield"/>).</summary>
        /// <returns>The behaviour.</returns>
        public static OperationBehavior Yield()
        {
            return new OperationBehavior(async () => await Task.Yield(), "Yield");
        }

        /// <summary>Test hook: complete successfully after <paramref name="delay"/>.</summary>
        /// <param name="delay">The delay; <see cref="Timeout.InfiniteTimeSpan"/> never completes.</param>
        /// <returns>The behaviour.</returns>
        public static OperationBehavior Delay(TimeSpan delay)
        {
            if (delay < TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay must not be negative.");
            }

            return new OperationBehavior(() => Task.Delay(delay), $"Delay({delay})");
        }

        /// <summary>
        /// Test hook: complete when <paramref name="gate"/> completes, e.g. a
        /// <see cref="TaskCompletionSource"/>'s task the test controls. A faulted gate fails the
        /// operation with the gate's exception; a cancelled gate cancels it.
        /// </summary>
        /// <param name="gate">The task to wait for.</param>
        /// <returns>The behaviour.</returns>
        public static OperationBehavior WaitFor(Task gate)
        {
            ArgumentNullException.ThrowIfNull(gate);
            return new OperationBehavior(() => gate, "WaitFor(gate)");
        }

        /// <summary>Test hook: fail the operation's task with <paramref name="exception"/>.</summary>
        /// <param name="exception">The exception (the same instance on every use).</param>
        /// <param name="asynchronously">False: the returned task is already faulted; true: it faults after <see cref="Task.Yield"/>.</param>
        /// <returns>The behaviour.</returns>
        public static OperationBehavior Fail(Exception exception, bool asynchronously = false)
        {
            ArgumentNullException.ThrowIfNull(exception);
            if (asynchronously)
            {
                return new OperationBehavior(async () =>
                {
                    await Task.Yield();
                    throw exception;
                }, $"Fail({exception.GetType().Name}, async)");
            }

            return new OperationBehavior(() => throw exception, $"Fail({exception.GetType().Name})");
        }

        /// <summary>Test hook: cancel the operation's task (it throws <see cref="OperationCanceledException"/> when awaited).</summary>
        /// <param name="asynchronously">False: the returned task is already cancelled; true: it is cancelled after <see cref="Task.Yield"/>.</param>
        /// <returns>The behaviour.</returns>
        public static OperationBehavior Cancel(bool asynchronously = false)
        {
            if (asynchronously)
            {
                return new OperationBehavior(async () =>
                {
                    await Task.Yield();
                    throw new OperationCanceledException("Cancelled by the test script.");
                }, "Cancel(async)");
            }

            return new OperationBehavior(() => throw new OperationCanceledException("Cancelled by the test script."),
                "Cancel");
        }

        /// <summary>Runs the behaviour; it may throw synchronously, which callers await inside their async method.</summary>
        internal Task ApplyAsync()
        {
            return _apply();
        }

        /// <inheritdoc />
        public override string ToString()
        {
            return _description;
        }
    }
}
