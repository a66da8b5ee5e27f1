namespace Org.Apache.Rocketmq
{
    // Test hooks, not in the real client.
    public abstract partial class Client
    {
        /// <summary>Test hook, not in the real client: the configuration the client was built with.</summary>
        public ClientConfig ClientConfigForTest => ClientConfig;

        /// <summary>Test hook, not in the real client: the client id.</summary>
        public string ClientIdForTest => ClientId;

        /// <summary>Test hook, not in the real client: whether the client is started and not shut down.</summary>
        public bool IsRunningForTest => State == State.Running;
    }
}
