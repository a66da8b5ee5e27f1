using System;
using System.Diagnostics;
using System.Text;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// Parses one value through every <see cref="TraceParent.TryParse(string?, out ActivityContext)"/> overload
/// (string, characters, UTF-8 bytes; the span overloads also over a slice of a larger buffer, so a read
/// past the slice would show) and fails unless they all agree.
/// </summary>
internal static class TraceParentOverloads
{
    public static bool Parse(string value, out ActivityContext context)
    {
        bool fromString = TraceParent.TryParse(value, out var stringContext);
        bool fromChars = TraceParent.TryParse(value.AsSpan(), out var charsContext);

        // The same characters inside a larger buffer whose neighbours would make a longer value valid
        // or invalid if the parser looked past the slice.
        string padded = "-" + value + "-0";
        bool fromSlice = TraceParent.TryParse(padded.AsSpan(1, value.Length), out var sliceContext);

        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        bool fromBytes = TraceParent.TryParse((ReadOnlySpan<byte>)utf8, out var bytesContext);

        byte[] paddedUtf8 = Encoding.UTF8.GetBytes(padded);
        bool fromByteSlice = TraceParent.TryParse(paddedUtf8.AsSpan(1, utf8.Length), out var byteSliceContext);

        Assert.Equal(fromString, fromChars);
        Assert.Equal(fromString, fromSlice);
        Assert.Equal(fromString, fromBytes);
        Assert.Equal(fromString, fromByteSlice);
        Assert.Equal(stringContext, charsContext);
        Assert.Equal(stringContext, sliceContext);
        Assert.Equal(stringContext, bytesContext);
        Assert.Equal(stringContext, byteSliceContext);
        context = stringContext;
        return fromString;
    }
}
