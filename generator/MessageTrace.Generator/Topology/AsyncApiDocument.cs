using System.Collections.Generic;
using System.Linq;
using System.Text;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Topology;

/// <summary>
/// Writes this project's messaging topology as an AsyncAPI 3.0 document: a channel per destination (or
/// destination template) and broker, an operation per send, receive and handler with where it comes from,
/// the message types each channel carries with the trace-context headers MessageTrace propagates, and the
/// bindings AsyncAPI defines for the broker. Ordinal order throughout: the same operations give the same text.
/// </summary>
internal static class AsyncApiDocument
{
    /// <summary>The generated type (in <c>MessageTrace.Generated</c>) whose private constant holds the document.</summary>
    public const string TypeName = "MessageTraceAsyncApi";

    /// <summary>The constant holding the document.</summary>
    public const string FieldName = "Document";

    private const string Extension = "x-messagetrace-";

    public static string Write(string title, string version, IEnumerable<TopologyOperation> all)
    {
        var operations = all
            .Distinct()
            .OrderBy(static o => o.File, System.StringComparer.Ordinal)
            .ThenBy(static o => o.Line)
            .ThenBy(static o => o.Column)
            .ThenBy(static o => o.Action)
            .ThenBy(static o => o.Method, System.StringComparer.Ordinal)
            .ToList();
        var channels = Channels(operations);
        var messageTypes = operations.Select(static o => o.MessageType).Distinct().OrderBy(static t => t, System.StringComparer.Ordinal).ToList();
        var messageIds = UniqueIds(messageTypes, static t => t);
        var systems = operations.Select(static o => o.System).Distinct().OrderBy(static s => s, System.StringComparer.Ordinal).ToList();
        var serverIds = UniqueIds(systems, static s => s.Replace('.', '_'));

        var json = new JsonText().OpenObject()
            .String("asyncapi", "3.0.0")
            .OpenObject("info")
            .String("title", title)
            .String("version", version)
            .String("description", $"The messaging topology of {title}, written at build time by MessageTrace from the sends, receives and handlers in its code. Each operation names the source it comes from ({Extension}source); untraced sends are listed with the diagnostic that reports them ({Extension}traced, {Extension}diagnostic).")
            .CloseObject();

        json.OpenObject("servers");
        foreach (string system in systems)
        {
            json.OpenObject(serverIds[system])
                .String("host", "{host}")
                .String("protocol", Protocol(system))
                .String("description", $"The {system} broker this service uses; its address is configured at run time.")
                .OpenObject("variables").OpenObject("host").String("description", "The broker's host and port, configured at run time.").CloseObject().CloseObject()
                .CloseObject();
        }

        json.CloseObject();

        json.OpenObject("channels");
        foreach (var channel in channels.Values.OrderBy(static c => c.Id, System.StringComparer.Ordinal))
        {
            WriteChannel(json, channel, messageIds, serverIds[channel.System]);
        }

        json.CloseObject();

        json.OpenObject("operations");
        var operationIds = UniqueIds(operations, static o => $"{(o.Action == TopologyAction.Send ? "send" : "receive")}.{o.Component}.{ShortMethod(o)}");
        foreach (var operation in operations)
        {
            var channel = channels[(operation.System, operation.Destination)];
            WriteOperation(json, operationIds[operation], operation, channel, messageIds[operation.MessageType]);
        }

        json.CloseObject();

        json.OpenObject("components");
        json.OpenObject("schemas");
        WriteTraceContextSchema(json);
        json.CloseObject();
        json.OpenObject("messages");
        foreach (var type in messageTypes)
        {
            json.OpenObject(messageIds[type])
                .String("name", type)
                .String("title", type)
                .String("summary", $"A {type} carrying the W3C trace context of the operation that sent it.")
                .Ref("headers", "#/components/schemas/TraceContextHeaders")
                .CloseObject();
        }

        json.CloseObject();
        json.CloseObject();
        return json.CloseObject().ToString();
    }

    private sealed class Channel(string id, string system, string? address)
    {
        public string Id { get; } = id;

        public string System { get; } = system;

        public string? Address { get; } = address;

        public SortedSet<string> MessageTypes { get; } = new(global::System.StringComparer.Ordinal);
    }

    /// <summary>One channel per system and destination (null: not stated), with ids in ordinal order of the two.</summary>
    private static Dictionary<(string System, string? Destination), Channel> Channels(List<TopologyOperation> operations)
    {
        var keys = operations
            .Select(static o => (o.System, o.Destination))
            .Distinct()
            .OrderBy(static k => k.System, System.StringComparer.Ordinal)
            .ThenBy(static k => k.Destination, System.StringComparer.Ordinal)
            .ToList();
        var ids = UniqueIds(keys, static key => key.System + "." + (key.Destination ?? "unknown"));
        var channels = new Dictionary<(string System, string? Destination), Channel>();
        foreach (var operation in operations)
        {
            var key = (operation.System, operation.Destination);
            if (!channels.TryGetValue(key, out var channel))
            {
                channels[key] = channel = new Channel(ids[key], operation.System, operation.Destination);
            }

            channel.MessageTypes.Add(operation.MessageType);
        }

        return channels;
    }

    private static void WriteChannel(JsonText json, Channel channel, Dictionary<string, string> messageIds, string serverId)
    {
        var placeholders = Placeholders(channel.Address);
        json.OpenObject(channel.Id);
        if (channel.Address is null)
        {
            json.Null("address")
                .String("description", $"Messages of {channel.System} whose destination the code does not state (set at run time, or not declared on the handler).");
        }
        else
        {
            json.String("address", Address(channel.Address))
                .String("description", placeholders.Count == 0
                    ? $"The {channel.System} destination {channel.Address}."
                    : $"The {channel.System} destinations of the template {channel.Address}; each placeholder is a value the code fills in at run time.");
        }

        json.OpenArray("servers").Ref(null, "#/servers/" + serverId).CloseArray();
        json.OpenObject("messages");
        foreach (var type in channel.MessageTypes)
        {
            json.Ref(messageIds[type], "#/components/messages/" + messageIds[type]);
        }

        json.CloseObject();
        if (placeholders.Count > 0)
        {
            json.OpenObject("parameters");
            foreach (var placeholder in placeholders)
            {
                json.OpenObject(placeholder.Key).String("description", $"The value of {placeholder.Value} at the send.").CloseObject();
            }

            json.CloseObject();
        }

        WriteChannelBindings(json, channel, placeholders.Count > 0);
        json.String(Extension + "system", channel.System);
        json.CloseObject();
    }

    private static void WriteChannelBindings(JsonText json, Channel channel, bool isTemplate)
    {
        switch (Facts(channel.System).Channel)
        {
            case AsyncApiChannelBinding.KafkaTopic:
                json.OpenObject("bindings").OpenObject("kafka");
                if (channel.Address is not null && !isTemplate)
                {
                    json.String("topic", channel.Address);
                }

                json.String("bindingVersion", "0.5.0").CloseObject().CloseObject();
                break;
        }
    }

    private static void WriteOperation(JsonText json, string id, TopologyOperation operation, Channel channel, string messageId)
    {
        bool send = operation.Action == TopologyAction.Send;
        string where = channel.Address ?? "an undeclared destination";
        json.OpenObject(id)
            .String("action", send ? "send" : "receive")
            .Ref("channel", "#/channels/" + channel.Id)
            .String("summary", send
                ? $"{operation.Method} sends {operation.MessageType} to {where}{(operation.Untraced is null ? string.Empty : " (not traced)")}."
                : $"{operation.Method} receives {operation.MessageType} from {where}{(operation.ConsumerGroup is null ? string.Empty : " in consumer group " + operation.ConsumerGroup)}.")
            .OpenArray("messages").Ref(null, "#/channels/" + channel.Id + "/messages/" + messageId).CloseArray();
        if (!send && operation.ConsumerGroup is { } group)
        {
            WriteConsumerGroupBinding(json, operation.System, group);
        }

        json.OpenObject(Extension + "source")
            .String("file", operation.File)
            .Number("line", operation.Line)
            .String("method", operation.Method)
            .CloseObject()
            .String(Extension + "component", operation.Component);
        if (!send)
        {
            json.String(Extension + "consumer-group", operation.ConsumerGroup);
            if (operation.Calls.Count > 0)
            {
                json.OpenArray(Extension + "calls");
                foreach (string call in operation.Calls)
                {
                    json.String(call);
                }

                json.CloseArray();
            }
        }

        json.Bool(Extension + "traced", operation.Untraced is null);
        if (operation.Untraced is { } why)
        {
            json.OpenObject(Extension + "diagnostic").String("id", operation.DiagnosticId).String("message", why).CloseObject();
        }

        json.CloseObject();
    }

    private static void WriteConsumerGroupBinding(JsonText json, string system, string group)
    {
        switch (Facts(system).Group)
        {
            case AsyncApiGroupBinding.KafkaGroupId:
                json.OpenObject("bindings").OpenObject("kafka")
                    .OpenObject("groupId").String("type", "string").OpenArray("enum").String(group).CloseArray().CloseObject()
                    .String("bindingVersion", "0.5.0")
                    .CloseObject().CloseObject();
                break;
            case AsyncApiGroupBinding.NatsQueue:
                json.OpenObject("bindings").OpenObject("nats").String("queue", group).String("bindingVersion", "0.1.0").CloseObject().CloseObject();
                break;
        }
    }

    private static void WriteTraceContextSchema(JsonText json) => json.OpenObject("TraceContextHeaders")
        .String("type", "object")
        .String("description", "The W3C trace context MessageTrace writes into every traced message (header, property or user property, as the broker has them; UTF-8 bytes where values are bytes).")
        .OpenObject("properties")
        .OpenObject("traceparent").String("type", "string").String("description", "W3C traceparent of the send span (version-traceid-parentid-flags).")
        .String("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$").CloseObject()
        .OpenObject("tracestate").String("type", "string").String("description", "W3C tracestate, when the context has one.").CloseObject()
        .OpenObject("baggage").String("type", "string").String("description", "W3C baggage, when there is any.").CloseObject()
        .CloseObject()
        .CloseObject();

    /// <summary>AsyncAPI's protocol name for a messaging system: its profile's, else the system name (a user carrier's own).</summary>
    private static string Protocol(string system) => Facts(system).Protocol ?? system;

    /// <summary>The AsyncAPI facts of the profile whose system this is; none for a system no profile has.</summary>
    private static AsyncApiFacts Facts(string system) =>
        BrokerCatalog.Profiles.FirstOrDefault(p => p.System == system)?.AsyncApi ?? AsyncApiFacts.None;

    /// <summary>
    /// The template's placeholders, each as an AsyncAPI parameter name (letters, digits, _ and -; unique) and as
    /// the code wrote it, in order of first appearance. A placeholder written twice is one parameter.
    /// </summary>
    private static List<KeyValuePair<string, string>> Placeholders(string? template)
    {
        var placeholders = new List<KeyValuePair<string, string>>();
        if (template is null)
        {
            return placeholders;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (string placeholder in PlaceholderTexts(template))
        {
            if (placeholders.Any(p => p.Value == placeholder))
            {
                continue;
            }

            string name = Parameter(placeholder);
            string unique = name;
            for (int n = 2; !names.Add(unique); n++)
            {
                unique = name + "_" + n;
            }

            placeholders.Add(new KeyValuePair<string, string>(unique, placeholder));
        }

        return placeholders;
    }

    /// <summary>The texts between braces (<c>{region}</c> gives <c>region</c>), in order; an unclosed brace ends the scan.</summary>
    private static IEnumerable<string> PlaceholderTexts(string template)
    {
        int start = 0;
        while ((start = template.IndexOf('{', start)) >= 0)
        {
            int end = template.IndexOf('}', start + 1);
            if (end < 0)
            {
                yield break;
            }

            yield return template.Substring(start + 1, end - start - 1);
            start = end + 1;
        }
    }

    /// <summary>The address with every placeholder written as its parameter's name.</summary>
    private static string Address(string template)
    {
        var names = Placeholders(template).ToDictionary(static p => p.Value, static p => p.Key, System.StringComparer.Ordinal);
        var text = new StringBuilder();
        int position = 0;
        int start;
        while ((start = template.IndexOf('{', position)) >= 0)
        {
            int end = template.IndexOf('}', start + 1);
            if (end < 0)
            {
                break;
            }

            text.Append(template, position, start - position).Append('{').Append(names[template.Substring(start + 1, end - start - 1)]).Append('}');
            position = end + 1;
        }

        return text.Append(template, position, template.Length - position).ToString();
    }

    private static string Parameter(string placeholder)
    {
        var name = new StringBuilder();
        foreach (char c in placeholder)
        {
            name.Append(char.IsLetterOrDigit(c) && c < 128 || c is '_' or '-' ? c : '_');
        }

        return name.Length == 0 ? "value" : name.ToString();
    }

    /// <summary>An AsyncAPI component or channel key: letters, digits, '.', '-' and '_'.</summary>
    private static string Id(string text)
    {
        var id = new StringBuilder();
        foreach (char c in text)
        {
            id.Append(char.IsLetterOrDigit(c) && c < 128 || c is '.' or '-' or '_' ? c : '_');
        }

        return id.Length == 0 ? "_" : id.ToString();
    }

    private static string ShortMethod(TopologyOperation operation)
    {
        int dot = operation.Method.LastIndexOf('.');
        return dot < 0 ? operation.Method : operation.Method.Substring(dot + 1);
    }

    /// <summary>A key per item, made of <paramref name="text"/>, with -2, -3... on repeats, in the items' order.</summary>
    private static Dictionary<T, string> UniqueIds<T>(IEnumerable<T> items, System.Func<T, string> text)
    {
        var ids = new Dictionary<T, string>();
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (ids.ContainsKey(item))
            {
                continue;
            }

            string id = Id(text(item));
            string unique = id;
            for (int n = 2; !used.Add(unique); n++)
            {
                unique = id + "-" + n;
            }

            ids[item] = unique;
        }

        return ids;
    }
}
