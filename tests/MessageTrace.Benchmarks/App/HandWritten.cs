using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Org.Apache.Rocketmq;

namespace MessageTrace.Benchmarks.App;

/// <summary>
/// The pieces of instrumentation written by hand the way the OpenTelemetry .NET docs teach it
/// (the MicroserviceExample): an application <see cref="ActivitySource"/>, and setter/getter
/// callbacks handed to <c>Propagators.DefaultTextMapPropagator.Inject/Extract</c>.
/// </summary>
/// <remarks>
/// Made as cheap as that pattern allows, so the comparison is not against a straw man: the callbacks
/// are static (no closure per call), span names are constants (the docs interpolate
/// <c>$"{routingKey} receive"</c> per message; not done here), attributes are set only when
/// <c>IsAllDataRequested</c> (the docs' snippets call <c>activity?.SetTag</c> unguarded, which also tags
/// S3's propagation-only spans), and each span records the same attributes, kind, links and headers as
/// MessageTrace's generated code. The remaining differences are listed by <c>verify</c> in docs/benchmarks.md.
/// </remarks>
public static class HandWritten
{
    /// <summary>The application's own source; every benchmark listener and SDK subscribes to it.</summary>
    public const string SourceName = "Shop.Messaging";

    /// <summary>The application's own source.</summary>
    public static readonly ActivitySource Source = new(SourceName, "1.0.0");

    /// <summary>Setter for string-valued headers (RocketMQ <c>Message.Properties</c>).</summary>
    public static readonly System.Action<Dictionary<string, string>, string, string> SetStringHeader =
        static (headers, key, value) => headers[key] = value;

    /// <summary>Getter for string-valued headers (RocketMQ <c>MessageView.Properties</c>).</summary>
    public static readonly System.Func<MessageView, string, IEnumerable<string>> GetStringHeader =
        static (message, key) => message.Properties.TryGetValue(key, out var value) ? new[] { value } : Enumerable.Empty<string>();

    /// <summary>Setter for byte-valued headers: the value travels as UTF-8 bytes, as RabbitMQ and Kafka headers do.</summary>
    public static readonly System.Action<IDictionary<string, object?>, string, string> SetBytesHeader =
        static (headers, key, value) => headers[key] = Encoding.UTF8.GetBytes(value);

    /// <summary>Setter for Kafka headers: the value appended as UTF-8 bytes.</summary>
    public static readonly System.Action<Confluent.Kafka.Headers, string, string> SetKafkaHeader =
        static (headers, key, value) => headers.Add(key, Encoding.UTF8.GetBytes(value));

    /// <summary>Getter for Kafka headers: the last value of the key, decoded.</summary>
    public static readonly System.Func<Confluent.Kafka.Headers?, string, IEnumerable<string>> GetKafkaHeader =
        static (headers, key) => headers is not null && headers.TryGetLastBytes(key, out var bytes)
            ? new[] { Encoding.UTF8.GetString(bytes) }
            : Enumerable.Empty<string>();

    /// <summary>Getter for byte-valued headers: decodes the bytes, as the docs' RabbitMQ example does.</summary>
    public static readonly System.Func<IDictionary<string, object?>, string, IEnumerable<string>> GetBytesHeader =
        static (headers, key) => headers.TryGetValue(key, out var value) && value is byte[] bytes
            ? new[] { Encoding.UTF8.GetString(bytes) }
            : Enumerable.Empty<string>();
}
