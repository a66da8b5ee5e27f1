using System;
using System.IO;
using System.Linq;

namespace MessageTrace.Topology;

/// <summary>The map as text for a terminal: each destination with its senders and receivers, then the gaps.</summary>
public static class TerminalMap
{
    /// <summary>Writes the map to <paramref name="output"/>.</summary>
    public static void Write(TopologyMap map, TextWriter output)
    {
        output.WriteLine($"Messaging map of {map.Services.Count} service{(map.Services.Count == 1 ? "" : "s")}: {string.Join(", ", map.Services.Select(static s => s.Title))}");
        foreach (var channel in map.Channels)
        {
            output.WriteLine();
            output.WriteLine($"{channel.System} {channel.Address}");
            foreach (var send in channel.Senders)
            {
                output.WriteLine($"  ← {send.Component}.{Short(send.Method)}  [{send.Service}]  {send.Where}{(send.Traced ? "" : $"  untraced ({send.DiagnosticId})")}");
            }

            foreach (var receive in channel.Receivers)
            {
                output.WriteLine($"  → {receive.Component}.{Short(receive.Method)}  [{receive.Service}]{(receive.ConsumerGroup is null ? "" : "  group " + receive.ConsumerGroup)}  {receive.Where}");
                foreach (string call in receive.Calls)
                {
                    output.WriteLine($"      then calls {Short(call[..Math.Max(0, call.LastIndexOf('.'))])}.{Short(call)}");
                }
            }
        }

        output.WriteLine();
        if (map.Gaps.Count == 0)
        {
            output.WriteLine("No gaps: every destination sent to is consumed, every one consumed is sent to, and every send is traced.");
            return;
        }

        output.WriteLine($"Gaps ({map.Gaps.Count})");
        foreach (var gap in map.Gaps)
        {
            string what = gap.Kind switch
            {
                GapKind.SentNeverConsumed => $"sent, never consumed: {gap.System} {gap.Address}",
                GapKind.ConsumedNeverSent => $"consumed, never sent: {gap.System} {gap.Address}",
                GapKind.UntracedSend => $"untraced send ({gap.Operations[0].DiagnosticId}, {gap.Operations[0].Why}): {gap.System} {gap.Address ?? "(destination not stated)"}",
                _ => $"destination not stated in the code ({gap.System}): declare it with Destination = \"...\" on the attribute",
            };
            output.WriteLine($"  ✗ {what}");
            foreach (var operation in gap.Operations)
            {
                output.WriteLine($"      {(operation.IsSend ? "←" : "→")} {operation.Component}.{Short(operation.Method)}  [{operation.Service}]  {operation.Where}");
            }
        }
    }

    private static string Short(string method) => method.Contains('.') ? method[(method.LastIndexOf('.') + 1)..] : method;
}
