using System.Threading;

namespace MessageTrace;

/// <summary>
/// Keeps two sends from writing trace headers into one header collection at the same moment, without
/// waiting and without anything shared between collections: the collection's own monitor, taken with a
/// zero timeout. A send that finds it taken acts as if it lost the race (copies the message or sends it
/// without context), so no send ever blocks behind another.
/// </summary>
/// <remarks>
/// The monitor lives in the collection's object header, a cache line the sending thread already owns:
/// sends of different collections on different threads touch no common memory (a process-wide array of
/// flags, tried first, made every send fetch a line the other thread had just written, and halved the
/// per-thread throughput of two sending threads). The same thread re-entering (a send made from inside a
/// custom propagator) succeeds, as a monitor allows.
/// </remarks>
internal static class CarrierGate
{
    /// <summary>Takes the collection's monitor; false when another thread holds it.</summary>
    public static bool TryEnter(object carrier)
    {
        bool taken = false;
        Monitor.TryEnter(carrier, ref taken);
        return taken;
    }

    /// <summary>Releases a monitor taken by <see cref="TryEnter"/>.</summary>
    public static void Exit(object carrier) => Monitor.Exit(carrier);
}
