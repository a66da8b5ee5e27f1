#nullable disable
// Mirrors Org.Apache.Rocketmq.Error.ClientException of RocketMQ.Client 5.2.1.
using System;

namespace Org.Apache.Rocketmq.Error
{
    /// <summary>Base of the client's errors; constructors are protected.</summary>
    public class ClientException : Exception
    {
        private const string RequestIdKey = "request-id";
        private const string ResponseCodeKey = "response-code";

        /// <summary>Creates the exception with an inner exception.</summary>
        /// <param name="message">The message.</param>
        /// <param name="exception">The inner exception.</param>
        protected ClientException(string message, Exception exception) : base(message, exception)
        {
        }

        /// <summary>Creates the exception.</summary>
        /// <param name="message">The message.</param>
        protected ClientException(string message) : base(message)
        {
        }

        /// <summary>Creates the exception for a broker response; the message becomes <c>[request-id=…, response-code=…] message</c>.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        protected ClientException(int responseCode, string requestId, string message) : base(
            $"[{RequestIdKey}={requestId}, {ResponseCodeKey}={responseCode}] {message}")
        {
        }

        /// <summary>Creates the exception for a broker response; the message becomes <c>[response-code=…] message</c>.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        protected ClientException(int responseCode, string message) : base(
            $"[{ResponseCodeKey}={responseCode}] {message}")
        {
        }
    }
}
