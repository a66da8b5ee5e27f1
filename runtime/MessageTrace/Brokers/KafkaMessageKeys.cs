using System;

namespace MessageTrace;

/// <summary>
/// How a Kafka message key becomes <c>messaging.kafka.message.key</c>. Text keys are recorded as they are;
/// a key of any other type is recorded only when the application registered a formatter for that type,
/// because only the application knows whether its keys are safe and meaningful to put on a span (a
/// serialised object can be large, or hold personal data).
/// </summary>
/// <example>
/// <code>
/// KafkaMessageKeys.UseFormatter&lt;Guid&gt;(static key =&gt; key.ToString("N"));
/// KafkaMessageKeys.UseFormatter&lt;byte[]&gt;(static key =&gt; Convert.ToHexString(key));
/// </code>
/// </example>
public static class KafkaMessageKeys
{
    /// <summary>
    /// Records keys of type <typeparamref name="TKey"/> through <paramref name="formatter"/> from now on (null
    /// stops recording them). Call it once at start-up; a formatter that returns null, or throws, records no
    /// key for that message.
    /// </summary>
    public static void UseFormatter<TKey>(Func<TKey, string?>? formatter) => Formatter<TKey>.Format = formatter;

    /// <summary>The text to record for <paramref name="key"/>, or null when there is none.</summary>
    public static string? Text<TKey>(TKey key)
    {
        if (key is string text)
        {
            return text;
        }

        var format = Formatter<TKey>.Format;
        if (format is null || key is null)
        {
            return null;
        }

        try
        {
            return format(key);
        }
        catch (Exception)
        {
            // The application's formatter failed: no attribute, and the send goes on untouched.
            return null;
        }
    }

    // One field per key type: reading it is a static load, no lookup, no lock.
    private static class Formatter<TKey>
    {
        public static Func<TKey, string?>? Format;
    }
}
