using System;
using System.Diagnostics;
using System.Text;
using Xunit;

namespace MessageTrace.Runtime.Tests;

public sealed class TraceParentFormattingTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Format_then_parse_returns_the_same_ids_and_sampled_flag(bool sampled)
    {
        for (int i = 0; i < 100; i++)
        {
            var original = Contexts.Random(sampled);

            string text = TraceParent.Format(original);

            Assert.True(TraceParentOverloads.Parse(text, out var parsed));
            Assert.Equal(original.TraceId, parsed.TraceId);
            Assert.Equal(original.SpanId, parsed.SpanId);
            Assert.Equal(original.TraceFlags, parsed.TraceFlags);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FormatUtf8_then_parse_returns_the_same_ids_and_sampled_flag(bool sampled)
    {
        for (int i = 0; i < 100; i++)
        {
            var original = Contexts.Random(sampled);

            byte[] utf8 = TraceParent.FormatUtf8(original);

            Assert.Equal(TraceParent.Length, utf8.Length);
            Assert.True(TraceParent.TryParse((ReadOnlySpan<byte>)utf8, out var parsed));
            Assert.Equal(original.TraceId, parsed.TraceId);
            Assert.Equal(original.SpanId, parsed.SpanId);
            Assert.Equal(original.TraceFlags, parsed.TraceFlags);
        }
    }

    [Fact]
    public void Format_writes_version_00_and_the_lowercase_ids()
    {
        var context = Contexts.Random();

        string text = TraceParent.Format(context);

        Assert.Equal(TraceParent.Length, text.Length);
        Assert.Equal($"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-01", text);
        Assert.Equal(text, Encoding.ASCII.GetString(TraceParent.FormatUtf8(context)));
    }

    [Fact]
    public void Format_matches_the_specification_example()
    {
        var context = new ActivityContext(
            ActivityTraceId.CreateFromString(Contexts.TraceIdHex.AsSpan()),
            ActivitySpanId.CreateFromString(Contexts.SpanIdHex.AsSpan()),
            ActivityTraceFlags.Recorded);

        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", TraceParent.Format(context));
    }

    [Theory]
    [InlineData(0x00, "00")]
    [InlineData(0x01, "01")]
    [InlineData(0x02, "00")]
    [InlineData(0x03, "01")]
    [InlineData(0xFE, "00")]
    [InlineData(0xFF, "01")]
    public void Format_writes_only_the_sampled_bit(int flags, string expectedFlags)
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), (ActivityTraceFlags)flags);

        Assert.EndsWith("-" + expectedFlags, TraceParent.Format(context), StringComparison.Ordinal);
        Assert.EndsWith("-" + expectedFlags, Encoding.ASCII.GetString(TraceParent.FormatUtf8(context)), StringComparison.Ordinal);
    }

    [Fact]
    public void TryFormat_refuses_a_short_destination_and_fills_an_exact_one()
    {
        var context = Contexts.Random();
        Span<char> small = stackalloc char[TraceParent.Length - 1];
        Span<char> exact = stackalloc char[TraceParent.Length];

        Assert.False(TraceParent.TryFormat(context, small, out int none));
        Assert.Equal(0, none);
        Assert.True(TraceParent.TryFormat(context, exact, out int written));
        Assert.Equal(TraceParent.Length, written);
        Assert.Equal(TraceParent.Format(context), exact.ToString());
    }

    [Fact]
    public void TryFormatUtf8_refuses_a_short_destination_and_fills_an_exact_one()
    {
        var context = Contexts.Random();
        var small = new byte[TraceParent.Length - 1];
        var larger = new byte[TraceParent.Length + 5];

        Assert.False(TraceParent.TryFormatUtf8(context, small, out int none));
        Assert.Equal(0, none);
        Assert.All(small, b => Assert.Equal(0, b));
        Assert.True(TraceParent.TryFormatUtf8(context, larger, out int written));
        Assert.Equal(TraceParent.Length, written);
        Assert.Equal(TraceParent.Format(context), Encoding.ASCII.GetString(larger, 0, written));
        Assert.All(larger.AsSpan(written).ToArray(), b => Assert.Equal(0, b));
    }
}
