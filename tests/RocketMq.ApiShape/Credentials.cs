#nullable disable
// Mirrors ISessionCredentialsProvider, StaticSessionCredentialsProvider and SessionCredentials
// of RocketMQ.Client 5.2.1 (not nullable-annotated).
namespace Org.Apache.Rocketmq
{
    /// <summary>Supplies the credentials a client signs its requests with.</summary>
    public interface ISessionCredentialsProvider
    {
        /// <summary>The current credentials.</summary>
        SessionCredentials SessionCredentials { get; }
    }

    /// <summary>A provider that always returns the same access key and secret.</summary>
    public class StaticSessionCredentialsProvider : ISessionCredentialsProvider
    {
        /// <summary>Creates the provider.</summary>
        /// <param name="accessKey">The access key; must not be null.</param>
        /// <param name="accessSecret">The access secret; must not be null.</param>
        /// <exception cref="System.ArgumentException">A value is null.</exception>
        public StaticSessionCredentialsProvider(string accessKey, string accessSecret)
        {
            SessionCredentials = new SessionCredentials(accessKey, accessSecret);
        }

        /// <inheritdoc />
        public SessionCredentials SessionCredentials { get; }
    }

    /// <summary>Access key, secret and optional security token.</summary>
    public class SessionCredentials
    {
        /// <summary>Creates credentials without a security token.</summary>
        /// <param name="accessKey">The access key; must not be null.</param>
        /// <param name="accessSecret">The access secret; must not be null.</param>
        /// <exception cref="System.ArgumentException">A value is null.</exception>
        public SessionCredentials(string accessKey, string accessSecret)
        {
            Preconditions.CheckArgument(null != accessKey, "accessKey should not be null");
            Preconditions.CheckArgument(null != accessSecret, "accessSecret should not be null");
            AccessKey = accessKey;
            AccessSecret = accessSecret;
        }

        /// <summary>Creates credentials with a security token.</summary>
        /// <param name="accessKey">The access key; must not be null.</param>
        /// <param name="accessSecret">The access secret; must not be null.</param>
        /// <param name="securityToken">The security token; must not be null.</param>
        /// <exception cref="System.ArgumentException">A value is null.</exception>
        public SessionCredentials(string accessKey, string accessSecret, string securityToken)
        {
            Preconditions.CheckArgument(null != accessKey, "accessKey should not be null");
            Preconditions.CheckArgument(null != accessSecret, "accessSecret should not be null");
            Preconditions.CheckArgument(null != securityToken, "securityToken should not be null");
            AccessKey = accessKey;
            AccessSecret = accessSecret;
            SecurityToken = securityToken;
        }

        /// <summary>The access key.</summary>
        public string AccessKey { get; }

        /// <summary>The access secret.</summary>
        public string AccessSecret { get; }

        /// <summary>The security token; null when none was given.</summary>
        public string SecurityToken { get; }
    }
}
