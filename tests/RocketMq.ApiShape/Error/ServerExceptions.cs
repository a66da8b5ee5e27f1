#nullable disable
// Mirrors the server-side (5xx) exceptions of Org.Apache.Rocketmq.Error in RocketMQ.Client 5.2.1.
namespace Org.Apache.Rocketmq.Error
{
    /// <summary>The server or client met an unexpected condition.</summary>
    public class InternalErrorException : ClientException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">The message.</param>
        public InternalErrorException(string message) : base(message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public InternalErrorException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public InternalErrorException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>The proxy timed out waiting for the broker.</summary>
    public class ProxyTimeoutException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public ProxyTimeoutException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public ProxyTimeoutException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>The operation is not supported.</summary>
    public class UnsupportedException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public UnsupportedException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public UnsupportedException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }
}
