#nullable disable
// Mirrors Org.Apache.Rocketmq.ClientConfig of RocketMQ.Client 5.2.1 (not nullable-annotated).
using System;

namespace Org.Apache.Rocketmq
{
    /// <summary>Common configuration of every client. Built through <see cref="Builder"/>; no public constructor.</summary>
    public class ClientConfig
    {
        private ClientConfig(ISessionCredentialsProvider sessionCredentialsProvider, TimeSpan requestTimeout,
            string endpoints, bool sslEnabled, string namespaceName)
        {
            SessionCredentialsProvider = sessionCredentialsProvider;
            RequestTimeout = requestTimeout;
            Endpoints = endpoints;
            SslEnabled = sslEnabled;
            Namespace = namespaceName;
        }

        /// <summary>Credentials provider; null when none was set.</summary>
        public ISessionCredentialsProvider SessionCredentialsProvider { get; }

        /// <summary>Timeout of each request; 3 seconds by default.</summary>
        public TimeSpan RequestTimeout { get; }

        /// <summary>Access point as one string, e.g. <c>"host:port"</c>; null when not set.</summary>
        public string Endpoints { get; }

        /// <summary>Whether TLS is used; true by default.</summary>
        public bool SslEnabled { get; }

        /// <summary>Namespace of the resources; empty by default.</summary>
        public string Namespace { get; }

        /// <summary>Builder of <see cref="ClientConfig"/>. Setters are chainable and do not validate.</summary>
        public class Builder
        {
            private ISessionCredentialsProvider _sessionCredentialsProvider;
            private TimeSpan _requestTimeout = TimeSpan.FromSeconds(3);
            private string _endpoints;
            private bool _sslEnabled = true;
            private string _namespace = "";

            /// <summary>Sets the credentials provider.</summary>
            /// <param name="sessionCredentialsProvider">The provider.</param>
            /// <returns>This builder.</returns>
            public Builder SetCredentialsProvider(ISessionCredentialsProvider sessionCredentialsProvider)
            {
                _sessionCredentialsProvider = sessionCredentialsProvider;
                return this;
            }

            /// <summary>Sets the request timeout.</summary>
            /// <param name="requestTimeout">The timeout.</param>
            /// <returns>This builder.</returns>
            public Builder SetRequestTimeout(TimeSpan requestTimeout)
            {
                _requestTimeout = requestTimeout;
                return this;
            }

            /// <summary>Sets the access point, e.g. <c>"host:port"</c>.</summary>
            /// <param name="endpoints">The access point.</param>
            /// <returns>This builder.</returns>
            public Builder SetEndpoints(string endpoints)
            {
                _endpoints = endpoints;
                return this;
            }

            /// <summary>Enables or disables TLS.</summary>
            /// <param name="sslEnabled">Whether TLS is used.</param>
            /// <returns>This builder.</returns>
            public Builder EnableSsl(bool sslEnabled)
            {
                _sslEnabled = sslEnabled;
                return this;
            }

            /// <summary>Sets the namespace.</summary>
            /// <param name="namespaceName">The namespace.</param>
            /// <returns>This builder.</returns>
            public Builder SetNamespace(string namespaceName)
            {
                _namespace = namespaceName;
                return this;
            }

            /// <summary>Builds the configuration (synchronous).</summary>
            /// <returns>The configuration.</returns>
            public ClientConfig Build()
            {
                return new ClientConfig(_sessionCredentialsProvider, _requestTimeout, _endpoints, _sslEnabled,
                    _namespace);
            }
        }
    }
}
