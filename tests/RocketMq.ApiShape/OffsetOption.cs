#nullable disable
// Mirrors OffsetOption and OffsetType of RocketMQ.Client 5.2.1.
using System;

namespace Org.Apache.Rocketmq
{
    /// <summary>Where a lite subscription starts consuming.</summary>
    public class OffsetOption
    {
        /// <summary>Policy value: the last consumed offset.</summary>
        public const long PolicyLastValue = 0L;

        /// <summary>Policy value: the minimum offset.</summary>
        public const long PolicyMinValue = 1L;

        /// <summary>Policy value: the maximum offset.</summary>
        public const long PolicyMaxValue = 2L;

        /// <summary>Start from the last consumed offset.</summary>
        public static readonly OffsetOption LastOffset = new OffsetOption(OffsetType.Policy, PolicyLastValue);

        /// <summary>Start from the minimum offset.</summary>
        public static readonly OffsetOption MinOffset = new OffsetOption(OffsetType.Policy, PolicyMinValue);

        /// <summary>Start from the maximum offset.</summary>
        public static readonly OffsetOption MaxOffset = new OffsetOption(OffsetType.Policy, PolicyMaxValue);

        private OffsetOption(OffsetType type, long value)
        {
            Type = type;
            Value = value;
        }

        /// <summary>Start from a given offset.</summary>
        /// <param name="offset">The offset; must be at least 0.</param>
        /// <returns>The option.</returns>
        public static OffsetOption OfOffset(long offset)
        {
            if (offset < 0)
            {
                throw new ArgumentException("offset must be greater than or equal to 0");
            }

            return new OffsetOption(OffsetType.Offset, offset);
        }

        /// <summary>Start from the last <paramref name="tailN"/> messages.</summary>
        /// <param name="tailN">The number of messages; must be at least 0.</param>
        /// <returns>The option.</returns>
        public static OffsetOption OfTailN(long tailN)
        {
            if (tailN < 0)
            {
                throw new ArgumentException("tailN must be greater than or equal to 0");
            }

            return new OffsetOption(OffsetType.TailN, tailN);
        }

        /// <summary>Start from a point in time.</summary>
        /// <param name="timestamp">Unix time in milliseconds; must be at least 0.</param>
        /// <returns>The option.</returns>
        public static OffsetOption OfTimestamp(long timestamp)
        {
            if (timestamp < 0)
            {
                throw new ArgumentException("timestamp must be greater than or equal to 0");
            }

            return new OffsetOption(OffsetType.Timestamp, timestamp);
        }

        /// <summary>The kind of option.</summary>
        public OffsetType Type { get; }

        /// <summary>The value, read according to <see cref="Type"/>.</summary>
        public long Value { get; }

        /// <inheritdoc />
        public override bool Equals(object obj)
        {
            if (obj == null || GetType() != obj.GetType())
            {
                return false;
            }

            var other = (OffsetOption)obj;
            return Value == other.Value && Type == other.Type;
        }

        /// <inheritdoc />
        public override int GetHashCode()
        {
            unchecked
            {
                var hashCode = (int)Type;
                hashCode = (hashCode * 397) ^ Value.GetHashCode();
                return hashCode;
            }
        }

        /// <inheritdoc />
        public override string ToString()
        {
            return $"OffsetOption(type={Type}, value={Value})";
        }
    }

    /// <summary>Kind of <see cref="OffsetOption"/>.</summary>
    public enum OffsetType
    {
        /// <summary>A policy (last, min or max).</summary>
        Policy,

        /// <summary>A given offset.</summary>
        Offset,

        /// <summary>The last N messages.</summary>
        TailN,

        /// <summary>A point in time.</summary>
        Timestamp,
    }
}
