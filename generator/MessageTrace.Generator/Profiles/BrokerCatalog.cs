using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace MessageTrace.Generator.Profiles;

/// <summary>The one catalogue of broker profiles, read by the generator and the analyzers.</summary>
internal static class BrokerCatalog
{
    public static ImmutableArray<BrokerProfile> Profiles { get; } = ImmutableArray.Create(
        RocketMqProfile.Create(),
        RabbitMqProfile.Create(),
        NatsProfile.Create(),
        MqttProfile.Create(),
        KafkaProfile.Create());

    /// <summary>
    /// The synthetic profile of user-defined carriers (<c>[MessageHeaders]</c>): no calls of its own; its
    /// recipes are made per message type by <see cref="Recognition.CustomCarriers"/>.
    /// </summary>
    public static BrokerProfile Custom { get; } = new(
        Recognition.CustomCarriers.ProfileId,
        Recognition.CustomCarriers.DefaultSystem,
        EquatableArray<SendOperation>.Empty,
        EquatableArray<IncomingMessageShape>.Empty,
        EquatableArray<ReceiveOperation>.Empty,
        EquatableArray<SettleOperation>.Empty,
        EquatableArray<ListenerRegistration>.Empty);

    /// <summary>Names of every method a profile knows, for cheap syntactic prefilters.</summary>
    public static ImmutableHashSet<string> KnownMethodNames { get; } = Profiles
        .SelectMany(static p => p.Sends.Select(static s => s.MethodName)
            .Concat(p.Receives.Select(static r => r.MethodName))
            .Concat(p.Settles.Select(static s => s.MethodName))
            .Concat(p.Registrations.Select(static r => r.MethodName)))
        .ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Names of the send methods, for the send prefilter: the traced ones and those known untraced, which
    /// are bound too so that they are reported.
    /// </summary>
    public static ImmutableHashSet<string> SendMethodNames { get; } = Profiles
        .SelectMany(static p => p.Sends.Select(static s => s.MethodName)
            .Concat(p.Untraced.Where(static u => u.Kind == CallKind.Send).Select(static u => u.MethodName)))
        .ToImmutableHashSet(StringComparer.Ordinal);

    public static BrokerProfile? FindProfile(string id)
    {
        foreach (var profile in Profiles)
        {
            if (profile.Id == id)
            {
                return profile;
            }
        }

        return null;
    }

    public static (BrokerProfile Profile, SendOperation Operation)? FindSend(string operationId)
    {
        foreach (var profile in Profiles)
        {
            foreach (var send in profile.Sends)
            {
                if (send.Id == operationId)
                {
                    return (profile, send);
                }
            }
        }

        return null;
    }

    public static IEnumerable<(BrokerProfile Profile, IncomingMessageShape Shape)> IncomingShapes() =>
        Profiles.SelectMany(static p => p.IncomingMessages.Select(shape => (p, shape)));
}
