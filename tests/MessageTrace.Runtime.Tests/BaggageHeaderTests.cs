using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using OpenTelemetry;
using Xunit;

namespace MessageTrace.Runtime.Tests;

public sealed class BaggageHeaderTests
{
    private static readonly Dictionary<string, (string Header, (string Key, string Value)[] Expected)> Valid = new()
    {
        ["single member"] = ("userId=alice", new[] { ("userId", "alice") }),
        ["two members"] = ("userId=alice,serverNode=DF%2028", new[] { ("userId", "alice"), ("serverNode", "DF 28") }),
        ["percent-decoding"] = ("k=hello%20world%2C%3B%3D%25", new[] { ("k", "hello world,;=%") }),
        ["percent-encoded UTF-8"] = ("k=caf%C3%A9", new[] { ("k", "caf\u00e9") }),
        ["properties dropped"] = ("k=v;prop=1;flag,j=w;p", new[] { ("k", "v"), ("j", "w") }),
        ["property with OWS"] = ("k=v ; prop=1", new[] { ("k", "v") }),
        ["OWS around members and '='"] = (" k = v ,\tj=w\t", new[] { ("k", "v"), ("j", "w") }),
        ["empty members"] = ("k=v,,j=w,", new[] { ("k", "v"), ("j", "w") }),
        ["token key characters"] = ("a!#$%&'*+-.^_`|~Z9=v", new[] { ("a!#$%&'*+-.^_`|~Z9", "v") }),
        ["value with '=' in it"] = ("k=a=b", new[] { ("k", "a=b") }),
        ["180 members"] = (string.Join(",", Enumerable.Range(0, 180).Select(i => $"k{i}=v{i}")),
            Enumerable.Range(0, 180).Select(i => ($"k{i}", $"v{i}")).ToArray()),
    };

    private static readonly Dictionary<string, string> Invalid = new()
    {
        ["181 members"] = string.Join(",", Enumerable.Range(0, 181).Select(i => $"k{i}=v")),
        ["longer than 8192 chars"] = "k=" + new string('v', 8191),
        ["empty"] = string.Empty,
        ["only commas and space"] = " , ,",
        ["member without '='"] = "k",
        ["empty key"] = "=v",
        ["key with inner space"] = "k y=v",
        ["key with separator"] = "(k)=v",
        ["key with '@'"] = "k@x=v",
        ["key non-ASCII"] = "k\u00e9=v",
        ["value with inner space"] = "k=a b",
        ["value with double quote"] = "k=a\"b",
        ["value with backslash"] = "k=a\\b",
        ["value with control char"] = "k=a\u0001",
        ["value non-ASCII"] = "k=caf\u00e9",
        ["value full-width digit"] = "k=\uff11",
        ["one bad member spoils the header"] = "k=v,bad key=v,j=w",
    };

    public static IEnumerable<object[]> ValidCases => Valid.Keys.Select(k => new object[] { k });

    public static IEnumerable<object[]> InvalidCases => Invalid.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Valid_header_parses_the_same_from_string_chars_and_utf8(string name)
    {
        var (header, expected) = Valid[name];

        Assert.True(BaggageHeader.TryParse(header, out var fromString));
        Assert.True(BaggageHeader.TryParse(header.AsSpan(), out var fromChars));
        Assert.True(BaggageHeader.TryParse((ReadOnlySpan<byte>)Encoding.UTF8.GetBytes(header), out var fromBytes));

        foreach (var baggage in new[] { fromString, fromChars, fromBytes })
        {
            Assert.Equal(expected.Length, baggage.Count);
            foreach (var (key, value) in expected)
            {
                Assert.Equal(value, baggage.GetBaggage(key));
            }
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_header_is_rejected_from_string_chars_and_utf8(string name)
    {
        string header = Invalid[name];

        Assert.False(BaggageHeader.TryParse(header, out var fromString));
        Assert.False(BaggageHeader.TryParse(header.AsSpan(), out var fromChars));
        Assert.False(BaggageHeader.TryParse((ReadOnlySpan<byte>)Encoding.UTF8.GetBytes(header), out var fromBytes));
        Assert.Equal(0, fromString.Count);
        Assert.Equal(0, fromChars.Count);
        Assert.Equal(0, fromBytes.Count);
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.False(BaggageHeader.TryParse((string?)null, out var baggage));
        Assert.Equal(0, baggage.Count);
    }

    [Fact]
    public void Test_data_sits_at_the_limits_it_names()
    {
        Assert.Equal(BaggageHeader.MaxLength + 1, Invalid["longer than 8192 chars"].Length);
        Assert.True(Invalid["181 members"].Length <= BaggageHeader.MaxLength);
    }

    [Fact]
    public void Header_of_exactly_8192_chars_is_accepted()
    {
        string header = "k=" + new string('v', BaggageHeader.MaxLength - 2);

        Assert.True(BaggageHeader.TryParse(header, out var baggage));
        Assert.Equal(BaggageHeader.MaxLength - 2, baggage.GetBaggage("k")!.Length);
    }

    [Fact]
    public void Format_then_parse_round_trips_values_that_need_percent_encoding()
    {
        var original = Baggage.Create(new Dictionary<string, string>
        {
            ["plain"] = "value",
            ["spaces"] = "hello world",
            ["separators"] = "a,b;c=d\"e\\f",
            ["percent"] = "100%",
            ["plus"] = "a+b",
            ["unicode"] = "caf\u00e9 \u65e5\u672c",
            ["controls"] = "tab\tnewline\n",
        });

        string? header = BaggageHeader.Format(original);

        Assert.NotNull(header);
        Assert.All(header!, c => Assert.InRange(c, '\u0021', '\u007e'));
        Assert.True(BaggageHeader.TryParse(header, out var parsed));
        Assert.Equal(original.Count, parsed.Count);
        foreach (var entry in original)
        {
            Assert.Equal(entry.Value, parsed.GetBaggage(entry.Key));
        }
    }

    [Fact]
    public void Format_leaves_out_keys_that_are_not_tokens()
    {
        var baggage = Baggage.Create(new Dictionary<string, string> { ["good"] = "1", ["bad key"] = "2", ["k\u00e9"] = "3" });

        string? header = BaggageHeader.Format(baggage);

        Assert.True(BaggageHeader.TryParse(header, out var parsed));
        Assert.Equal(1, parsed.Count);
        Assert.Equal("1", parsed.GetBaggage("good"));
    }

    [Fact]
    public void Format_of_empty_baggage_is_null()
    {
        Assert.Null(BaggageHeader.Format(default));
    }

    [Fact]
    public void Format_stays_within_the_member_and_length_limits()
    {
        var many = Baggage.Create(Enumerable.Range(0, 300).ToDictionary(i => $"k{i}", i => "v"));
        var long_ = Baggage.Create(Enumerable.Range(0, 10).ToDictionary(i => $"k{i}", i => new string('v', 2000)));

        string? manyHeader = BaggageHeader.Format(many);
        string? longHeader = BaggageHeader.Format(long_);

        Assert.True(BaggageHeader.TryParse(manyHeader, out var parsedMany));
        Assert.Equal(BaggageHeader.MaxMembers, parsedMany.Count);
        Assert.True(longHeader!.Length <= BaggageHeader.MaxLength);
        Assert.True(BaggageHeader.TryParse(longHeader, out var parsedLong));
        Assert.Equal(4, parsedLong.Count);
    }
}
