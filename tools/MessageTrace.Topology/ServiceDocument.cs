using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace MessageTrace.Topology;

/// <summary>One operation of a service, as its AsyncAPI document states it.</summary>
/// <param name="Service">The document's title (the assembly name).</param>
/// <param name="Id">The operation's id in its document.</param>
/// <param name="Action"><c>send</c> or <c>receive</c>.</param>
/// <param name="System">The messaging system (<c>kafka</c>, <c>rocketmq</c>...).</param>
/// <param name="Address">The channel address or template; null when the code does not state it.</param>
/// <param name="ConsumerGroup">The consumer group of a receive, when known.</param>
/// <param name="Component">The type the operation is written in.</param>
/// <param name="Method">The method it is written in.</param>
/// <param name="File">Its source file, relative to its project.</param>
/// <param name="Line">Its line.</param>
/// <param name="Traced">False for a send MessageTrace reports untraced.</param>
/// <param name="DiagnosticId">The diagnostic that reports an untraced send.</param>
/// <param name="Why">Why an untraced send is not traced.</param>
public sealed record ServiceOperation(
    string Service,
    string Id,
    string Action,
    string System,
    string? Address,
    string? ConsumerGroup,
    string Component,
    string Method,
    string File,
    int Line,
    bool Traced,
    string? DiagnosticId,
    string? Why)
{
    /// <summary>Whether this is a send.</summary>
    public bool IsSend => Action == "send";

    /// <summary>For a handler, the traced producer methods its body calls: where what it receives leads.</summary>
    public IReadOnlyList<string> Calls { get; init; } = [];

    /// <summary>Where it is written, as <c>file:line</c>.</summary>
    public string Where => $"{File}:{Line}";
}

/// <summary>A service's AsyncAPI document as written by MessageTrace, reduced to its operations.</summary>
/// <param name="Title">The document's title: the service (assembly) name.</param>
/// <param name="Source">Where the document was read from.</param>
/// <param name="Operations">Its operations, in document order.</param>
public sealed record ServiceDocument(string Title, string Source, IReadOnlyList<ServiceOperation> Operations)
{
    /// <summary>Reads the document at <paramref name="path"/>.</summary>
    public static ServiceDocument Load(string path) => Parse(System.IO.File.ReadAllText(path), path);

    /// <summary>
    /// Reads a document. Operations without MessageTrace's extensions (a hand-written document) still count,
    /// with what AsyncAPI itself says: action, channel address and the server's protocol.
    /// </summary>
    public static ServiceDocument Parse(string json, string source)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (Text(root, "asyncapi") is not { } version || !version.StartsWith("3.", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source} is not an AsyncAPI 3 document (its \"asyncapi\" is {Text(root, "asyncapi") ?? "missing"})");
        }

        string title = Text(Property(root, "info"), "title") ?? Path.GetFileNameWithoutExtension(source);
        var channels = Property(root, "channels");
        var servers = Property(root, "servers");
        var operations = new List<ServiceOperation>();
        if (Property(root, "operations") is { ValueKind: JsonValueKind.Object } all)
        {
            foreach (var operation in all.EnumerateObject())
            {
                if (operation.Value.ValueKind == JsonValueKind.Object)
                {
                    operations.Add(Operation(title, operation.Name, operation.Value, channels, servers));
                }
            }
        }

        return new ServiceDocument(title, source, operations);
    }

    private static ServiceOperation Operation(string service, string id, JsonElement operation, JsonElement channels, JsonElement servers)
    {
        string action = Text(operation, "action") ?? "send";
        var channel = Resolve(Property(operation, "channel"), channels, "#/channels/");
        string? address = channel.ValueKind == JsonValueKind.Object && channel.TryGetProperty("address", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        string system = Text(channel, "x-messagetrace-system") ?? Protocol(channel, servers) ?? "unknown";
        var source = Property(operation, "x-messagetrace-source");
        string method = Text(source, "method") ?? id;
        string component = Text(operation, "x-messagetrace-component") ?? (method.Contains('.') ? method[..method.LastIndexOf('.')] : method);
        var diagnostic = Property(operation, "x-messagetrace-diagnostic");
        bool traced = !operation.TryGetProperty("x-messagetrace-traced", out var tr) || tr.ValueKind != JsonValueKind.False;
        return new ServiceOperation(
            service,
            id,
            action,
            system,
            address,
            Text(operation, "x-messagetrace-consumer-group"),
            component,
            method,
            Text(source, "file") ?? string.Empty,
            source.ValueKind == JsonValueKind.Object && source.TryGetProperty("line", out var line) && line.TryGetInt32(out int n) ? n : 0,
            traced,
            Text(diagnostic, "id"),
            Text(diagnostic, "message"))
        {
            Calls = operation.TryGetProperty("x-messagetrace-calls", out var calls) && calls.ValueKind == JsonValueKind.Array
                ? calls.EnumerateArray().Where(static c => c.ValueKind == JsonValueKind.String).Select(static c => c.GetString()!).ToList()
                : [],
        };
    }

    private static string? Protocol(JsonElement channel, JsonElement servers)
    {
        if (Property(channel, "servers") is not { ValueKind: JsonValueKind.Array } list)
        {
            return null;
        }

        foreach (var server in list.EnumerateArray())
        {
            if (Text(Resolve(server, servers, "#/servers/"), "protocol") is { } protocol)
            {
                return protocol == "amqp" ? "rabbitmq" : protocol;
            }
        }

        return null;
    }

    private static JsonElement Resolve(JsonElement reference, JsonElement container, string prefix) =>
        Text(reference, "$ref") is { } target && target.StartsWith(prefix, StringComparison.Ordinal)
            && container.ValueKind == JsonValueKind.Object
            && container.TryGetProperty(Uri.UnescapeDataString(target[prefix.Length..]).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out var resolved)
            ? resolved
            : reference;

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// The documents named by <paramref name="paths"/>: files, or directories searched for
    /// <c>*.asyncapi.json</c>. A service found twice (Debug and Release outputs) counts once, its newest document.
    /// </summary>
    public static IReadOnlyList<ServiceDocument> Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.asyncapi.json", SearchOption.AllDirectories));
            }
            else
            {
                files.Add(path);
            }
        }

        return files
            .Select(static f => (File: f, Time: System.IO.File.GetLastWriteTimeUtc(f), Document: Load(f)))
            .GroupBy(static d => d.Document.Title, StringComparer.Ordinal)
            .Select(static g => g.OrderByDescending(static d => d.Time).ThenBy(static d => d.File, StringComparer.Ordinal).First().Document)
            .OrderBy(static d => d.Title, StringComparer.Ordinal)
            .ToList();
    }
}
