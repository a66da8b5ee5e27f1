using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace MessageTrace.Runtime.Tests;

public sealed class TraceStateTests
{
    private static readonly Dictionary<string, string> Valid = new()
    {
        ["single member"] = "rojo=00f067aa0ba902b7",
        ["two members"] = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE",
        ["multi-tenant key"] = "fw529a3039@dt=FIfaI2NtYGV3,rojo=1",
        ["tenant starting with a digit"] = "1tenant@sys=v",
        ["key with every allowed char"] = "a0_-*/z=v",
        ["value with printable ascii and inner space"] = "k=hello world!~\"#$%&'()*+-./:;<>?@[\\]^_`{|}",
        ["value with every printable ascii but ',' and '='"] = "k=" + string.Concat(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).Where(c => c is not (',' or '='))) + "x",
        ["value with leading space"] = "k= v",
        ["OWS around members"] = " rojo=1 ,\tcongo=2\t",
        ["empty members"] = "rojo=1,,congo=2",
        ["leading and trailing commas"] = ",rojo=1,",
        ["32 members"] = string.Join(",", Enumerable.Range(0, 32).Select(i => $"k{i}=v")),
        ["256-char simple key"] = "a" + new string('b', 255) + "=v",
        ["256-char value"] = "k=" + new string('v', 256),
        ["241-char tenant, 14-char system"] = new string('t', 241) + "@" + new string('s', 14) + "=v",
        ["512 chars"] = "k=" + new string('v', 256) + ",j=" + new string('w', 251),
    };

    private static readonly Dictionary<string, string> Invalid = new()
    {
        ["33 members"] = string.Join(",", Enumerable.Range(0, 33).Select(i => $"k{i}=v")),
        ["duplicate keys"] = "rojo=1,congo=2,rojo=3",
        ["duplicate keys around OWS"] = "rojo=1, rojo=2",
        ["duplicate multi-tenant keys"] = "t@s=1,t@s=2",
        ["uppercase key"] = "Rojo=1",
        ["uppercase in tenant"] = "Tenant@sys=1",
        ["uppercase in system"] = "tenant@Sys=1",
        ["simple key starting with a digit"] = "1rojo=1",
        ["key starting with underscore"] = "_k=1",
        ["key with a dot"] = "k.x=1",
        ["value containing '='"] = "k=a=b",
        ["value containing ','"] = "k=a,b",
        ["empty value"] = "k=",
        ["empty key"] = "=v",
        ["member without '='"] = "rojo",
        ["value with control char"] = "k=a\u0001b",
        ["value with DEL"] = "k=a\u007fb",
        ["longer than 512 chars"] = "k=" + new string('v', 256) + ",j=" + new string('w', 252),
        ["257-char simple key"] = "a" + new string('b', 256) + "=v",
        ["257-char value"] = "k=" + new string('v', 257),
        ["empty tenant"] = "@sys=1",
        ["empty system"] = "tenant@=1",
        ["242-char tenant"] = new string('t', 242) + "@s=v",
        ["15-char system"] = "t@" + new string('s', 15) + "=v",
        ["system starting with a digit"] = "t@1s=v",
        ["two '@'"] = "t@s@x=v",
        ["non-ASCII in value"] = "k=caf\u00e9",
        ["non-ASCII in key"] = "k\u00e9=v",
        ["full-width digit in value"] = "k=\uff11",
        ["space inside key"] = "ro jo=1",
    };

    public static IEnumerable<object[]> ValidCases => Valid.Keys.Select(k => new object[] { k });

    public static IEnumerable<object[]> InvalidCases => Invalid.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Valid_tracestate_is_accepted_as_chars_string_and_utf8(string name)
    {
        string value = Valid[name];

        Assert.True(TraceState.IsValid(value));
        Assert.True(TraceState.IsValid(value.AsSpan()));
        Assert.True(TraceState.IsValid((ReadOnlySpan<byte>)Encoding.UTF8.GetBytes(value)));
        Assert.Equal(value, new HeaderValue(value).GetValidTraceState());
        Assert.Equal(value, new HeaderValue(Encoding.UTF8.GetBytes(value)).GetValidTraceState());
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_tracestate_is_rejected_as_chars_string_and_utf8(string name)
    {
        string value = Invalid[name];

        Assert.False(TraceState.IsValid(value));
        Assert.False(TraceState.IsValid(value.AsSpan()));
        Assert.False(TraceState.IsValid((ReadOnlySpan<byte>)Encoding.UTF8.GetBytes(value)));
        Assert.Null(new HeaderValue(value).GetValidTraceState());
        Assert.Null(new HeaderValue(Encoding.UTF8.GetBytes(value)).GetValidTraceState());
    }

    [Fact]
    public void Null_is_invalid()
    {
        Assert.False(TraceState.IsValid((string?)null));
    }

    [Fact]
    public void Test_data_sits_at_the_limits_it_names()
    {
        // Guards the cases above: the "512 chars" value really is 512 long, the 33-member one 513 under
        // the length limit, so each fails or passes for the reason its name gives.
        Assert.Equal(TraceState.MaxLength, Valid["512 chars"].Length);
        Assert.Equal(TraceState.MaxLength + 1, Invalid["longer than 512 chars"].Length);
        Assert.True(Invalid["33 members"].Length <= TraceState.MaxLength);
        Assert.True(Invalid["257-char value"].Length <= TraceState.MaxLength);
    }
}
