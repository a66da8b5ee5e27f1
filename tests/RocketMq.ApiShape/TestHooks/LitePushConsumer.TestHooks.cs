namespace Org.Apache.Rocketmq
{
    // Test hooks, not in the real client.
    public partial class LitePushConsumer
    {
        /// <summary>
        /// Test hook, not in the real client (where the broker sets it): how many lite topics
        /// <see cref="SubscribeLite(string)"/> accepts before throwing
        /// <see cref="Error.LiteSubscriptionQuotaExceededException"/>; unlimited by default.
        /// </summary>
        public int LiteSubscriptionQuotaForTest { get; set; } = int.MaxValue;
    }
}
