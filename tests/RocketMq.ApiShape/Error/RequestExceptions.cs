#nullable disable
// Mirrors the request-side (4xx) exceptions of Org.Apache.Rocketmq.Error in RocketMQ.Client 5.2.1.
namespace Org.Apache.Rocketmq.Error
{
    /// <summary>Bad request: required header fields are missing or invalid.</summary>
    public class BadRequestException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public BadRequestException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public BadRequestException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>The request lacks valid authentication credentials.</summary>
    public class UnauthorizedException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public UnauthorizedException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public UnauthorizedException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>Payment is required for the resource.</summary>
    public class PaymentRequiredException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public PaymentRequiredException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public PaymentRequiredException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>The user may not access or operate on the resource.</summary>
    public class ForbiddenException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public ForbiddenException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public ForbiddenException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>The resource was not found.</summary>
    public class NotFoundException : ClientException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">The message.</param>
        public NotFoundException(string message) : base(message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public NotFoundException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public NotFoundException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>The request entity is empty.</summary>
    public class PayloadEmptyException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public PayloadEmptyException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public PayloadEmptyException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>The request entity is larger than the broker's limit.</summary>
    public class PayloadTooLargeException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public PayloadTooLargeException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public PayloadTooLargeException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>The request's header fields are too large.</summary>
    public class RequestHeaderFieldsTooLargeException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public RequestHeaderFieldsTooLargeException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public RequestHeaderFieldsTooLargeException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }

    /// <summary>Too many requests in a short period (throttled).</summary>
    public class TooManyRequestsException : ClientException
    {
        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="requestId">The request id.</param>
        /// <param name="message">The message.</param>
        public TooManyRequestsException(int responseCode, string requestId, string message) : base(responseCode, requestId, message)
        {
        }

        /// <summary>Creates the exception for a broker response.</summary>
        /// <param name="responseCode">The broker's status code.</param>
        /// <param name="message">The message.</param>
        public TooManyRequestsException(int responseCode, string message) : base(responseCode, message)
        {
        }
    }
}
