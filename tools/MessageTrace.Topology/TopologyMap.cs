using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace MessageTrace.Topology;

/// <summary>A destination of one messaging system, with who sends to it and who receives from it across the merged services.</summary>
/// <param name="System">The messaging system.</param>
/// <param name="Address">The destination, or its template.</param>
/// <param name="Senders">The send operations naming this address.</param>
/// <param name="Receivers">The receive operations naming this address.</param>
public sealed record MapChannel(string System, string Address, IReadOnlyList<ServiceOperation> Senders, IReadOnlyList<ServiceOperation> Receivers)
{
    /// <summary>Whether the address is a template (<c>orders.{region}</c>).</summary>
    public bool IsTemplate => Address.Contains('{', StringComparison.Ordinal);
}

/// <summary>What kind of gap the map found.</summary>
public enum GapKind
{
    /// <summary>Sent to, and no merged service receives from it.</summary>
    SentNeverConsumed,

    /// <summary>Received from, and no merged service sends to it.</summary>
    ConsumedNeverSent,

    /// <summary>A send MessageTrace reports untraced: the trace breaks there.</summary>
    UntracedSend,

    /// <summary>An operation whose destination its code does not state, so it cannot be placed on the map.</summary>
    UnknownDestination,
}

/// <summary>A gap in the map: its kind, the destination and the operations concerned.</summary>
/// <param name="Kind">What kind of gap.</param>
/// <param name="System">The messaging system.</param>
/// <param name="Address">The destination; null when the code does not state it.</param>
/// <param name="Operations">The operations concerned.</param>
public sealed record MapGap(GapKind Kind, string System, string? Address, IReadOnlyList<ServiceOperation> Operations);

/// <summary>
/// Several services' documents merged into one map: each destination with its senders and receivers across
/// services, and the gaps (a destination sent to that nobody consumes, one consumed that nobody sends, an
/// untraced send, an operation whose destination is not stated). A template matches the destinations it
/// can produce: a send to <c>orders.{region}</c> feeds a consumer of <c>orders.eu</c>.
/// </summary>
public sealed class TopologyMap
{
    private TopologyMap(IReadOnlyList<ServiceDocument> services, IReadOnlyList<MapChannel> channels, IReadOnlyList<MapGap> gaps)
    {
        Services = services;
        Channels = channels;
        Gaps = gaps;
    }

    /// <summary>The merged services, by title.</summary>
    public IReadOnlyList<ServiceDocument> Services { get; }

    /// <summary>Every stated destination, ordered by system and address.</summary>
    public IReadOnlyList<MapChannel> Channels { get; }

    /// <summary>The gaps, ordered by kind, then destination.</summary>
    public IReadOnlyList<MapGap> Gaps { get; }

    /// <summary>Merges <paramref name="services"/>; with <paramref name="system"/>, only that system's operations.</summary>
    public static TopologyMap Merge(IEnumerable<ServiceDocument> services, string? system = null)
    {
        var documents = services.OrderBy(static s => s.Title, StringComparer.Ordinal).ToList();
        var operations = documents
            .SelectMany(static d => d.Operations)
            .Where(o => system is null || string.Equals(o.System, system, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var placed = operations.Where(static o => o.Address is not null).ToList();
        var channels = placed
            .Select(static o => (o.System, Address: o.Address!))
            .Distinct()
            .OrderBy(static c => c.System, StringComparer.Ordinal)
            .ThenBy(static c => c.Address, StringComparer.Ordinal)
            .Select(c => new MapChannel(
                c.System,
                c.Address,
                Ordered(placed.Where(o => o.IsSend && o.System == c.System && o.Address == c.Address)),
                Ordered(placed.Where(o => !o.IsSend && o.System == c.System && o.Address == c.Address))))
            .ToList();

        var gaps = new List<MapGap>();
        foreach (var channel in channels)
        {
            if (channel.Senders.Count > 0 && !placed.Any(o => !o.IsSend && o.System == channel.System && Matches(channel.System, channel.Address, o.Address!)))
            {
                gaps.Add(new MapGap(GapKind.SentNeverConsumed, channel.System, channel.Address, channel.Senders));
            }

            if (channel.Receivers.Count > 0 && !placed.Any(o => o.IsSend && o.System == channel.System && Matches(channel.System, o.Address!, channel.Address)))
            {
                gaps.Add(new MapGap(GapKind.ConsumedNeverSent, channel.System, channel.Address, channel.Receivers));
            }
        }

        foreach (var untraced in operations.Where(static o => o.IsSend && !o.Traced))
        {
            gaps.Add(new MapGap(GapKind.UntracedSend, untraced.System, untraced.Address, [untraced]));
        }

        foreach (var unknown in operations.Where(static o => o.Address is null).GroupBy(static o => o.System).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            gaps.Add(new MapGap(GapKind.UnknownDestination, unknown.Key, null, Ordered(unknown)));
        }

        return new TopologyMap(documents, channels, gaps.OrderBy(static g => g.Kind).ToList());
    }

    /// <summary>
    /// Whether a message sent to <paramref name="sent"/> can arrive at a receiver of <paramref name="received"/>
    /// on <paramref name="system"/>: the same address; a template whose placeholders (one segment each: no
    /// <c>.</c> or <c>/</c>) the other's text fills; or a receiver's wildcard: MQTT <c>+</c> (one level) and
    /// <c>#</c> (the rest), NATS <c>*</c> (one token) and <c>&gt;</c> (the rest).
    /// </summary>
    public static bool Matches(string system, string sent, string received) =>
        sent == received
        || Normalized(sent) == Normalized(received)
        || Pattern(sent, system, receiving: false).IsMatch(received)
        || Pattern(received, system, receiving: true).IsMatch(sent);

    private const string Segment = "[^./{}]+";

    private static Regex Pattern(string address, string system, bool receiving)
    {
        var pattern = new System.Text.StringBuilder("^");
        foreach (string part in Regex.Split(address, @"(\{[^{}]*\})"))
        {
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                pattern.Append(Segment);
                continue;
            }

            string literal = Regex.Escape(part);
            if (receiving && system.Equals("mqtt", StringComparison.OrdinalIgnoreCase))
            {
                literal = literal.Replace(@"\#", ".*", StringComparison.Ordinal).Replace(@"\+", "[^/]+", StringComparison.Ordinal);
            }
            else if (receiving && system.Equals("nats", StringComparison.OrdinalIgnoreCase))
            {
                literal = literal.Replace(@"\*", "[^.]+", StringComparison.Ordinal).Replace(">", ".+", StringComparison.Ordinal);
            }

            pattern.Append(literal);
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static string Normalized(string address) => Regex.Replace(address, @"\{[^{}]*\}", "{}");

    private static IReadOnlyList<ServiceOperation> Ordered(IEnumerable<ServiceOperation> operations) => operations
        .OrderBy(static o => o.Service, StringComparer.Ordinal)
        .ThenBy(static o => o.File, StringComparer.Ordinal)
        .ThenBy(static o => o.Line)
        .ThenBy(static o => o.Id, StringComparer.Ordinal)
        .ToList();
}
