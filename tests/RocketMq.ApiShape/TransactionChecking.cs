#nullable disable
// Mirrors ITransactionChecker and TransactionResolution of RocketMQ.Client 5.2.1.
namespace Org.Apache.Rocketmq
{
    /// <summary>Outcome of a transaction check.</summary>
    public enum TransactionResolution
    {
        /// <summary>Commit the half message.</summary>
        Commit,

        /// <summary>Roll the half message back.</summary>
        Rollback,

        /// <summary>Not known yet; the broker asks again later.</summary>
        Unknown,
    }

    /// <summary>Resolves orphaned transactions when the broker asks (synchronous).</summary>
    public interface ITransactionChecker
    {
        /// <summary>Checks the transaction of a half message.</summary>
        /// <param name="messageView">The half message.</param>
        /// <returns>The resolution.</returns>
        TransactionResolution Check(MessageView messageView);
    }
}
