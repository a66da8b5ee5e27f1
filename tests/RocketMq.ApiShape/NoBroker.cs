using System.Threading.Tasks;

namespace Org.Apache.Rocketmq
{
    /// <summary>Not in the real client: stands in for network round trips the double does not make.</summary>
    internal static class NoBroker
    {
        /// <summary>An already completed round trip (the real client awaits a gRPC call here).</summary>
        internal static Task RoundTrip => Task.CompletedTask;
    }
}
