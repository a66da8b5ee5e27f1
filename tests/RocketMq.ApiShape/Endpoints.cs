#nullable disable
// Mirrors Org.Apache.Rocketmq.Endpoints and Address of RocketMQ.Client 5.2.1, without their
// protobuf constructors and ToProtobuf methods.
using System;
using System.Collections.Generic;
using System.Linq;

namespace Org.Apache.Rocketmq
{
    /// <summary>A resolved access point (one address; the real client does not support more yet).</summary>
    public class Endpoints : IEquatable<Endpoints>
    {
        private const string HttpPrefix = "http://";
        private const string HttpsPrefix = "https://";
        private const int DefaultPort = 80;
        private const string EndpointSeparator = ":";

        /// <summary>Parses <c>"host:port"</c>, optionally prefixed with <c>http://</c> or <c>https://</c>; port 80 when absent.</summary>
        /// <param name="endpoints">The access point. Null throws <see cref="NullReferenceException"/>, like the real client.</param>
        public Endpoints(string endpoints)
        {
            if (endpoints.StartsWith(HttpPrefix, StringComparison.Ordinal))
            {
                endpoints = endpoints[HttpPrefix.Length..];
            }

            if (endpoints.StartsWith(HttpsPrefix, StringComparison.Ordinal))
            {
                endpoints = endpoints[HttpsPrefix.Length..];
            }

            var index = endpoints.IndexOf(EndpointSeparator, StringComparison.Ordinal);
            var port = index > 0 ? int.Parse(endpoints[(1 + index)..], System.Globalization.CultureInfo.InvariantCulture) : DefaultPort;
            var host = index > 0 ? endpoints.Substring(0, index) : endpoints;
            Addresses = new List<Address> { new Address(host, port) };
        }

        /// <summary>The addresses (exactly one).</summary>
        public List<Address> Addresses { get; }

        /// <summary>Returns <c>"host:port"</c> of the first address.</summary>
        /// <returns>The text form.</returns>
        public override string ToString()
        {
            foreach (var address in Addresses)
            {
                return address.Host + EndpointSeparator + address.Port;
            }

            throw new ArgumentException("No available address");
        }

        /// <summary>Returns the gRPC target URI of the first address.</summary>
        /// <param name="sslEnabled">Whether to use <c>https://</c>.</param>
        /// <returns>The target URI.</returns>
        public string GrpcTarget(bool sslEnabled)
        {
            var prefix = sslEnabled ? HttpsPrefix : HttpPrefix;
            foreach (var address in Addresses)
            {
                return prefix + address.Host + EndpointSeparator + address.Port;
            }

            throw new ArgumentException("No available address");
        }

        /// <inheritdoc />
        public bool Equals(Endpoints other)
        {
            if (other is null)
            {
                return false;
            }

            return ReferenceEquals(this, other) || Addresses.SequenceEqual(other.Addresses);
        }

        /// <inheritdoc />
        public override bool Equals(object obj)
        {
            return obj is not null && obj.GetType() == GetType() && Equals((Endpoints)obj);
        }

        /// <inheritdoc />
        public override int GetHashCode()
        {
            var hash = 17;
            foreach (var address in Addresses)
            {
                hash = unchecked((hash * 31) + address.GetHashCode());
            }

            return hash;
        }
    }

    /// <summary>One host and port.</summary>
    public class Address : IEquatable<Address>
    {
        /// <summary>Creates an address.</summary>
        /// <param name="host">The host name or IP.</param>
        /// <param name="port">The port.</param>
        public Address(string host, int port)
        {
            Host = host;
            Port = port;
        }

        /// <summary>The host name or IP.</summary>
        public string Host { get; }

        /// <summary>The port.</summary>
        public int Port { get; }

        /// <inheritdoc />
        public bool Equals(Address other)
        {
            if (other is null)
            {
                return false;
            }

            return ReferenceEquals(this, other) || (Host == other.Host && Port == other.Port);
        }

        /// <inheritdoc />
        public override bool Equals(object obj)
        {
            return obj is not null && obj.GetType() == GetType() && Equals((Address)obj);
        }

        /// <inheritdoc />
        public override int GetHashCode()
        {
            return HashCode.Combine(Host, Port);
        }
    }
}
