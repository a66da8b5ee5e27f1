using System;
using System.Globalization;
using System.Threading;

namespace Org.Apache.Rocketmq
{
    /// <summary>
    /// Not in the real client: generates ids in the real client's formats. Message ids are 34
    /// upper-case hex digits like the real ones: version <c>01</c>, a fixed fake MAC, the low 16 bits
    /// of the process id, seconds since 2021-01-01 UTC at start-up, and a process-wide counter.
    /// </summary>
    internal static class TestIds
    {
        private const string FakeMac = "0A0B0C0D0E0F";
        private static readonly string Prefix = "01" + FakeMac +
            (Environment.ProcessId & 0xFFFF).ToString("X4", CultureInfo.InvariantCulture) +
            ((uint)(DateTime.UtcNow - new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds)
                .ToString("X8", CultureInfo.InvariantCulture);

        private static int _messageSequence;
        private static int _clientSequence;

        internal static string NextMessageId()
        {
            var sequence = (uint)Interlocked.Increment(ref _messageSequence);
            return Prefix + sequence.ToString("X8", CultureInfo.InvariantCulture);
        }

        internal static string NextClientId()
        {
            var index = Interlocked.Increment(ref _clientSequence) - 1;
            return string.Create(CultureInfo.InvariantCulture,
                $"{Environment.MachineName}@{Environment.ProcessId}@{index}@{Guid.NewGuid():N}");
        }

        internal static string RecallHandleFor(string topic, string messageId)
        {
            return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(topic + " " + messageId));
        }
    }
}
