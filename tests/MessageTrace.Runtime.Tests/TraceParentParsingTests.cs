using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// The W3C Trace Context test-suite cases for <c>traceparent</c> (w3c/trace-context test/test.py and the
/// spec's versioning rules), each parsed through all three overloads.
/// </summary>
public sealed class TraceParentParsingTests
{
    private const string T = Contexts.TraceIdHex;
    private const string S = Contexts.SpanIdHex;

    /// <summary>Valid values and whether each is sampled. Keyed by a readable name so the theory names stay short.</summary>
    private static readonly Dictionary<string, (string Value, bool Sampled)> Valid = new()
    {
        ["version 00 sampled"] = ($"00-{T}-{S}-01", true),
        ["version 00 unsampled"] = ($"00-{T}-{S}-00", false),
        ["unknown flag bits, sampled bit set"] = ($"00-{T}-{S}-09", true),
        ["unknown flag bits, sampled bit clear"] = ($"00-{T}-{S}-fe", false),
        ["future version, 55 chars"] = ($"cc-{T}-{S}-01", true),
        ["future version with extra fields"] = ($"cc-{T}-{S}-01-what-the-future-will-be-like", true),
        ["future version with an empty extra field"] = ($"cc-{T}-{S}-00-", false),
        ["future version with 100k chars of extra fields"] = ($"cc-{T}-{S}-01-" + new string('x', 100_000), true),
        ["leading space"] = ($" 00-{T}-{S}-01", true),
        ["leading tab"] = ($"\t00-{T}-{S}-01", true),
        ["trailing space"] = ($"00-{T}-{S}-01 ", true),
        ["trailing tab"] = ($"00-{T}-{S}-01\t", true),
        ["mixed OWS both sides"] = ($" \t 00-{T}-{S}-01\t ", true),
    };

    private static readonly Dictionary<string, string> Invalid = new()
    {
        ["version ff"] = $"ff-{T}-{S}-01",
        ["version 00 with extra data after dash"] = $"00-{T}-{S}-01-what-the-future-will-be-like",
        ["version 00 with extra char"] = $"00-{T}-{S}-01.",
        ["version 00 with trailing newline"] = $"00-{T}-{S}-01\n",
        ["future version, extra data without dash"] = $"cc-{T}-{S}-01.what-the-future-will-be-like",
        ["future version, extra data run on"] = $"cc-{T}-{S}-01what",
        ["uppercase version"] = $"CC-{T}-{S}-01",
        ["uppercase version hex digit"] = $"0A-{T}-{S}-01",
        ["uppercase trace id"] = $"00-{T.ToUpperInvariant()}-{S}-01",
        ["one uppercase char in trace id"] = $"00-0aF7651916cd43dd8448eb211c80319c-{S}-01",
        ["uppercase parent id"] = $"00-{T}-{S.ToUpperInvariant()}-01",
        ["uppercase flags"] = $"00-{T}-{S}-0A",
        ["all-zero trace id"] = $"00-00000000000000000000000000000000-{S}-01",
        ["all-zero parent id"] = $"00-{T}-0000000000000000-01",
        ["version too short"] = $"0-{T}-{S}-01",
        ["version too long"] = $"000-{T}-{S}-01",
        ["version far too long"] = $"0000-{T}-{S}-01",
        ["trace id too short"] = $"00-{T.Substring(1)}-{S}-01",
        ["trace id too long"] = $"00-{T}0-{S}-01",
        ["parent id too short"] = $"00-{T}-{S.Substring(1)}-01",
        ["parent id too long"] = $"00-{T}-{S}0-01",
        ["flags too short"] = $"00-{T}-{S}-1",
        ["flags too long"] = $"00-{T}-{S}-001",
        ["missing first dash"] = $"00{T}-{S}-01",
        ["missing second dash"] = $"00-{T}{S}-01",
        ["missing third dash"] = $"00-{T}-{S}01",
        ["no dashes"] = $"00{T}{S}01",
        ["other separators, 55 chars"] = $"00_{T}_{S}_01",
        ["one other separator, 55 chars"] = $"00-{T}-{S}.01",
        ["underscores for dashes"] = $"00_{T}_{S}_01",
        ["first dash replaced, same length"] = $"00.{T}-{S}-01",
        ["second dash replaced, same length"] = $"00-{T}.{S}-01",
        ["third dash replaced, same length"] = $"00-{T}-{S}.01",
        ["non-hex in version"] = $".0-{T}-{S}-01",
        ["non-hex in version second char"] = $"0.-{T}-{S}-01",
        ["non-hex 'g' in version"] = $"0g-{T}-{S}-01",
        ["non-hex at trace id start"] = $"00-.af7651916cd43dd8448eb211c80319c-{S}-01",
        ["non-hex at trace id end"] = $"00-0af7651916cd43dd8448eb211c80319.-{S}-01",
        ["'g' in trace id"] = $"00-0af7651916cd43dd8448eb211c8031gc-{S}-01",
        ["non-hex at parent id start"] = $"00-{T}-.7ad6b7169203331-01",
        ["non-hex at parent id end"] = $"00-{T}-b7ad6b716920333.-01",
        ["'z' in parent id"] = $"00-{T}-b7ad6b71692z3331-01",
        ["non-hex flags first char"] = $"00-{T}-{S}-.0",
        ["non-hex flags second char"] = $"00-{T}-{S}-0.",
        ["space inside trace id"] = $"00-0af7651916cd43dd 448eb211c80319c-{S}-01",
        ["tab inside parent id"] = $"00-{T}-b7ad6b71\t9203331-01",
        ["space after a dash"] = $"00- {T}-{S}-01",
        ["space before flags"] = $"00-{T}-{S}- 01",
        ["leading newline"] = $"\n00-{T}-{S}-01",
        ["NUL inside"] = $"00-{T}-{S}\0-01",
        ["e-acute in trace id"] = $"00-0af7651916cd43dd8448eb211c80319\u00e9-{S}-01",
        ["e-acute in version"] = $"0\u00e9-{T}-{S}-01",
        ["full-width digit in parent id"] = $"00-{T}-b7ad6b716920333\uff11-01",
        ["full-width digit in flags"] = $"00-{T}-{S}-0\uff11",
        ["full-width digits as version"] = $"\uff10\uff10-{T}-{S}-01",
        ["truncated in flags"] = $"00-{T}-{S}-0",
        ["truncated after parent id dash"] = $"00-{T}-{S}-",
        ["truncated after parent id"] = $"00-{T}-{S}",
        ["truncated in parent id"] = $"00-{T}-b7ad",
        ["truncated after trace id"] = $"00-{T}",
        ["version only"] = "00",
        ["single char"] = "0",
        ["empty"] = string.Empty,
        ["white space only"] = " \t ",
        ["100k zeros after a valid version 00"] = $"00-{T}-{S}-01" + new string('0', 100_000),
        ["100k dash-led extra after version 00"] = $"00-{T}-{S}-01-" + new string('a', 100_000),
        ["100k hex chars"] = new string('f', 100_000),
        ["100k dashes"] = new string('-', 100_000),
        ["100k e-acute"] = new string('\u00e9', 100_000),
    };

    public static IEnumerable<object[]> ValidCases => Valid.Keys.Select(k => new object[] { k });

    public static IEnumerable<object[]> InvalidCases => Invalid.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Valid_value_parses_identically_through_every_overload(string name)
    {
        var (value, sampled) = Valid[name];

        Assert.True(TraceParentOverloads.Parse(value, out var context));

        Assert.Equal(T, context.TraceId.ToHexString());
        Assert.Equal(S, context.SpanId.ToHexString());
        Assert.Equal(sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None, context.TraceFlags);
        Assert.True(context.IsRemote);
        Assert.Null(context.TraceState);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_value_is_rejected_by_every_overload(string name)
    {
        Assert.False(TraceParentOverloads.Parse(Invalid[name], out var context));
        Assert.Equal(default, context);
    }

    [Fact]
    public void Null_string_is_invalid()
    {
        Assert.False(TraceParent.TryParse((string?)null, out var context));
        Assert.Equal(default, context);
    }

    [Fact]
    public void Default_spans_are_invalid()
    {
        Assert.False(TraceParent.TryParse(ReadOnlySpan<char>.Empty, out var fromChars));
        Assert.False(TraceParent.TryParse(ReadOnlySpan<byte>.Empty, out var fromBytes));
        Assert.Equal(default, fromChars);
        Assert.Equal(default, fromBytes);
    }

    [Fact]
    public void Invalid_utf8_bytes_are_rejected()
    {
        // A lone continuation byte and an overlong encoding, where the string overloads cannot even
        // represent the input: the byte overload must reject rather than decode leniently.
        byte[] value = System.Text.Encoding.ASCII.GetBytes($"00-{T}-{S}-01");
        value[10] = 0x80;
        Assert.False(TraceParent.TryParse((ReadOnlySpan<byte>)value, out _));

        value = System.Text.Encoding.ASCII.GetBytes($"00-{T}-{S}-01");
        value[54] = 0xB1; // '1' | 0x80
        Assert.False(TraceParent.TryParse((ReadOnlySpan<byte>)value, out _));
    }

    [Fact]
    public void Every_single_character_substitution_of_a_valid_value_outside_hex_is_rejected()
    {
        // Exhaustive over positions: each position replaced with a character that is never legal there
        // ('X' is not lowercase hex, and is not a dash), through all overloads.
        string valid = $"00-{T}-{S}-01";
        for (int i = 0; i < valid.Length; i++)
        {
            var chars = valid.ToCharArray();
            chars[i] = 'X';
            Assert.False(TraceParentOverloads.Parse(new string(chars), out _), $"position {i}");
        }
    }
}
