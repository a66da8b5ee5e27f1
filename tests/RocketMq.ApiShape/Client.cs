#nullable disable
// Mirrors Org.Apache.Rocketmq.Client of RocketMQ.Client 5.2.1: no public members; protected
// configuration fields and Start/Shutdown. Its internal abstract members keep other assemblies
// from deriving from it, as in the real client. Route, session and metrics plumbing is not mirrored.
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Org.Apache.Rocketmq
{
    /// <summary>Base of every client. Has no public members.</summary>
    public abstract partial class Client
    {
        /// <summary>The configuration the client was built with.</summary>
        protected readonly ClientConfig ClientConfig;

        /// <summary>The access point parsed from <see cref="Rocketmq.ClientConfig.Endpoints"/>.</summary>
        protected readonly Endpoints Endpoints;

        /// <summary>Identifier of this client instance, <c>host@pid@index@suffix</c>.</summary>
        protected readonly string ClientId;

        internal volatile State State;

        /// <summary>Creates the client; throws <see cref="System.NullReferenceException"/> when endpoints are not set, like the real client.</summary>
        /// <param name="clientConfig">The configuration.</param>
        protected Client(ClientConfig clientConfig)
        {
            ClientConfig = clientConfig;
            Endpoints = new Endpoints(clientConfig.Endpoints);
            ClientId = TestIds.NextClientId();
            State = State.New;
        }

        /// <summary>Starts the client (called by the builders).</summary>
        /// <returns>A task that completes when started.</returns>
        protected virtual async Task Start()
        {
            foreach (var unused in GetTopics())
            {
                // The real client fetches each topic's route here.
                await NoBroker.RoundTrip;
            }
        }

        /// <summary>Shuts the client down (called by Dispose/DisposeAsync).</summary>
        /// <returns>A task that completes when shut down.</returns>
        protected virtual async Task Shutdown()
        {
            await NoBroker.RoundTrip;
        }

        /// <summary>Topics whose routes are fetched at start.</summary>
        /// <returns>The topics.</returns>
        protected abstract IEnumerable<string> GetTopics();

        /// <summary>Message of the <see cref="System.InvalidOperationException"/> thrown when the client is not running.</summary>
        internal abstract string NotRunningMessage { get; }
    }

    /// <summary>Life-cycle state of a client (internal in the real client too).</summary>
    internal enum State
    {
        New,
        Starting,
        Running,
        Stopping,
        Terminated,
        Failed,
    }
}
