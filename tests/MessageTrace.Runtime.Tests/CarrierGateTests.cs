using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// <see cref="CarrierGate"/>: a send that finds a collection being written by another thread gives up
/// instead of waiting, and a released collection can be taken again.
/// </summary>
public sealed class CarrierGateTests
{
    [Fact]
    public void A_collection_being_written_by_another_send_is_refused_without_waiting()
    {
        var headers = new Dictionary<string, string>();
        Assert.True(CarrierGate.TryEnter(headers));
        try
        {
            Assert.False(OnAnotherThread(() => CarrierGate.TryEnter(headers)));
        }
        finally
        {
            CarrierGate.Exit(headers);
        }

        Assert.True(OnAnotherThread(() =>
        {
            bool entered = CarrierGate.TryEnter(headers);
            if (entered)
            {
                CarrierGate.Exit(headers);
            }

            return entered;
        }));
    }

    [Fact]
    public void TryInject_refuses_headers_another_send_is_writing()
    {
        var headers = new Dictionary<string, string>();
        Assert.True(CarrierGate.TryEnter(headers));
        try
        {
            Assert.False(OnAnotherThread(() => Carriers.TryInject(headers, Contexts.Random())));
            Assert.Empty(headers);
        }
        finally
        {
            CarrierGate.Exit(headers);
        }
    }

    private static bool OnAnotherThread(Func<bool> action)
    {
        bool result = false;
        var thread = new Thread(() => result = action());
        thread.Start();
        thread.Join();
        return result;
    }
}

/// <summary><see cref="TagValues.Int"/>: small per-message integers are not boxed again.</summary>
public sealed class TagValuesIntTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    public void Small_values_share_one_box(int value)
    {
        Assert.Same(TagValues.Int(value), TagValues.Int(value));
        Assert.Equal(value, TagValues.Int(value));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1024)]
    [InlineData(int.MaxValue)]
    public void Other_values_are_boxed_as_they_are(int value) => Assert.Equal(value, TagValues.Int(value));
}
