using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MessageTrace.Topology;

/// <summary>
/// The map as a Mermaid flowchart (left to right): each service a subgraph of the types that send or
/// receive, each destination a node, an arrow per send (labelled with the method) and per receive
/// (labelled with the consumer group). Untraced sends are dotted; destinations with a gap are outlined red.
/// </summary>
public static class MermaidDiagram
{
    /// <summary>The flowchart, without the surrounding code fence.</summary>
    public static string Write(TopologyMap map)
    {
        var text = new StringBuilder("flowchart LR\n");
        var components = new Dictionary<(string Service, string Component), string>();
        var serviceIndex = 0;
        foreach (var service in map.Services)
        {
            var names = service.Operations
                .Where(o => map.Channels.Any(c => c.Senders.Contains(o) || c.Receivers.Contains(o)))
                .Select(static o => o.Component)
                .Distinct()
                .OrderBy(static c => c, StringComparer.Ordinal)
                .ToList();
            if (names.Count == 0)
            {
                continue;
            }

            serviceIndex++;
            text.Append("  subgraph s").Append(serviceIndex).Append("[\"").Append(Label(service.Title)).Append("\"]\n");
            for (int i = 0; i < names.Count; i++)
            {
                string id = $"s{serviceIndex}c{i + 1}";
                components[(service.Title, names[i])] = id;
                text.Append("    ").Append(id).Append("[\"").Append(Label(names[i])).Append("\"]\n");
            }

            text.Append("  end\n");
        }

        var gapChannels = new HashSet<(string, string)>(map.Gaps
            .Where(static g => g.Kind is GapKind.SentNeverConsumed or GapKind.ConsumedNeverSent && g.Address is not null)
            .Select(static g => (g.System, g.Address!)));
        var channelIds = new Dictionary<MapChannel, string>();
        for (int i = 0; i < map.Channels.Count; i++)
        {
            var channel = map.Channels[i];
            string id = "d" + (i + 1);
            channelIds[channel] = id;
            text.Append("  ").Append(id).Append("([\"").Append(Label(channel.Address)).Append("<br/><small>").Append(Label(channel.System)).Append("</small>\"])\n");
        }

        foreach (var channel in map.Channels)
        {
            foreach (var send in channel.Senders)
            {
                string from = components[(send.Service, send.Component)];
                string label = Label(ShortMethod(send.Method));
                text.Append("  ").Append(from).Append(send.Traced ? $" -- \"{label}\" --> " : $" -. \"{label} (untraced, {send.DiagnosticId})\" .-> ").Append(channelIds[channel]).Append('\n');
            }

            foreach (var receive in channel.Receivers)
            {
                string label = Label(receive.ConsumerGroup ?? ShortMethod(receive.Method));
                text.Append("  ").Append(channelIds[channel]).Append(" -- \"").Append(label).Append("\" --> ").Append(components[(receive.Service, receive.Component)]).Append('\n');
            }
        }

        // A handler that calls a traced producer of its service: what it receives leads to what that sends.
        var callEdges = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var receive in map.Channels.SelectMany(static c => c.Receivers))
        {
            foreach (var send in map.Channels.SelectMany(static c => c.Senders).Where(s => s.Service == receive.Service && receive.Calls.Contains(s.Method)))
            {
                string from = components[(receive.Service, receive.Component)];
                string to = components[(send.Service, send.Component)];
                if (from != to)
                {
                    callEdges.Add($"  {from} -. \"calls\" .-> {to}\n");
                }
            }
        }

        foreach (string edge in callEdges)
        {
            text.Append(edge);
        }

        // A template and the destinations it can produce: a dotted line, no arrow.
        foreach (var template in map.Channels.Where(static c => c.IsTemplate))
        {
            foreach (var concrete in map.Channels.Where(c => c != template && c.System == template.System && TopologyMap.Matches(c.System, template.Address, c.Address)))
            {
                text.Append("  ").Append(channelIds[template]).Append(" -.- ").Append(channelIds[concrete]).Append('\n');
            }
        }

        var gapIds = map.Channels.Where(c => gapChannels.Contains((c.System, c.Address))).Select(c => channelIds[c]).ToList();
        if (gapIds.Count > 0)
        {
            text.Append("  classDef gap stroke:#d33,stroke-width:2px,stroke-dasharray:4 2\n");
            text.Append("  class ").Append(string.Join(",", gapIds)).Append(" gap\n");
        }

        return text.ToString();
    }

    private static string ShortMethod(string method) => method.Contains('.') ? method[(method.LastIndexOf('.') + 1)..] : method;

    // Mermaid labels are quoted, and # starts an entity there: # itself first, then quotes, angle brackets of
    // generic types and backticks (which would switch the label to Markdown) become entity codes.
    private static string Label(string text) => text
        .Replace("#", "#35;", StringComparison.Ordinal)
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("`", "#96;", StringComparison.Ordinal);
}
