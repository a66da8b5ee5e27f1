#nullable disable
// Mirrors the non-protobuf part of Settings and PushSubscriptionSettings of RocketMQ.Client 5.2.1
// (their abstract ToProtobuf/Sync members take protobuf types and are not mirrored).
using System;
using System.Collections.Concurrent;

namespace Org.Apache.Rocketmq
{
    /// <summary>Settings a client shares with the broker.</summary>
    public abstract class Settings
    {
        /// <summary>The namespace.</summary>
        protected readonly string Namespace;

        /// <summary>The client id.</summary>
        protected readonly string ClientId;

        /// <summary>The client kind.</summary>
        protected readonly ClientType ClientType;

        /// <summary>The access point.</summary>
        protected readonly Endpoints Endpoints;

        /// <summary>The retry policy (the real client receives it from the broker).</summary>
        protected volatile IRetryPolicy RetryPolicy;

        /// <summary>The request timeout.</summary>
        protected readonly TimeSpan RequestTimeout;

        /// <summary>Creates settings with a retry policy.</summary>
        /// <param name="namespaceName">The namespace.</param>
        /// <param name="clientId">The client id.</param>
        /// <param name="clientType">The client kind.</param>
        /// <param name="endpoints">The access point.</param>
        /// <param name="retryPolicy">The retry policy.</param>
        /// <param name="requestTimeout">The request timeout.</param>
        protected Settings(string namespaceName, string clientId, ClientType clientType, Endpoints endpoints,
            IRetryPolicy retryPolicy, TimeSpan requestTimeout)
        {
            Namespace = namespaceName;
            ClientId = clientId;
            ClientType = clientType;
            Endpoints = endpoints;
            RetryPolicy = retryPolicy;
            RequestTimeout = requestTimeout;
        }

        /// <summary>Creates settings without a retry policy.</summary>
        /// <param name="namespaceName">The namespace.</param>
        /// <param name="clientId">The client id.</param>
        /// <param name="clientType">The client kind.</param>
        /// <param name="endpoints">The access point.</param>
        /// <param name="requestTimeout">The request timeout.</param>
        protected Settings(string namespaceName, string clientId, ClientType clientType, Endpoints endpoints,
            TimeSpan requestTimeout)
            : this(namespaceName, clientId, clientType, endpoints, null, requestTimeout)
        {
        }

        /// <summary>The retry policy.</summary>
        /// <returns>The policy.</returns>
        public IRetryPolicy GetRetryPolicy()
        {
            return RetryPolicy;
        }
    }

    /// <summary>Settings of a push consumer.</summary>
    public class PushSubscriptionSettings : Settings
    {
        /// <summary>The subscriptions, topic to filter.</summary>
        protected readonly ConcurrentDictionary<string, FilterExpression> _subscriptionExpressions;

        /// <summary>Creates push consumer settings.</summary>
        /// <param name="namespaceName">The namespace.</param>
        /// <param name="clientId">The client id.</param>
        /// <param name="endpoints">The access point.</param>
        /// <param name="consumerGroup">The consumer group.</param>
        /// <param name="requestTimeout">The request timeout.</param>
        /// <param name="subscriptionExpressions">The subscriptions.</param>
        public PushSubscriptionSettings(string namespaceName, string clientId, Endpoints endpoints,
            string consumerGroup, TimeSpan requestTimeout,
            ConcurrentDictionary<string, FilterExpression> subscriptionExpressions)
            : this(namespaceName, clientId, ClientType.PushConsumer, endpoints, consumerGroup, requestTimeout,
                subscriptionExpressions)
        {
        }

        /// <summary>Creates push consumer settings of a given client kind.</summary>
        /// <param name="namespaceName">The namespace.</param>
        /// <param name="clientId">The client id.</param>
        /// <param name="clientType">The client kind.</param>
        /// <param name="endpoints">The access point.</param>
        /// <param name="consumerGroup">The consumer group.</param>
        /// <param name="requestTimeout">The request timeout.</param>
        /// <param name="subscriptionExpressions">The subscriptions.</param>
        protected PushSubscriptionSettings(string namespaceName, string clientId, ClientType clientType,
            Endpoints endpoints, string consumerGroup, TimeSpan requestTimeout,
            ConcurrentDictionary<string, FilterExpression> subscriptionExpressions)
            : base(namespaceName, clientId, clientType, endpoints, new DefaultRetryPolicy(), requestTimeout)
        {
            _ = consumerGroup;
            _subscriptionExpressions = subscriptionExpressions;
        }

        /// <summary>Whether the group consumes in FIFO order (false: the double has no broker to say otherwise).</summary>
        /// <returns>False.</returns>
        public bool IsFifo()
        {
            return false;
        }

        /// <summary>Messages fetched per receive request (32 by default).</summary>
        /// <returns>The batch size.</returns>
        public int GetReceiveBatchSize()
        {
            return 32;
        }

        /// <summary>Long-polling timeout (30 seconds by default).</summary>
        /// <returns>The timeout.</returns>
        public TimeSpan GetLongPollingTimeout()
        {
            return TimeSpan.FromSeconds(30);
        }
    }
}
