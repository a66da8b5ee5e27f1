using System;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary><see cref="ClientIds"/>: a client's id read once per client, never an exception.</summary>
public sealed class ClientIdsTests
{
    // A client type of its own per test, so the per-type cache starts empty in each.
    private sealed class FirstClient(string name)
    {
        public int Reads;

        public string Name
        {
            get
            {
                Reads++;
                return name;
            }
        }
    }

    private sealed class SecondClient(string name)
    {
        public int Reads;

        public string Name
        {
            get
            {
                Reads++;
                return name;
            }
        }
    }

    private sealed class FailingClient
    {
        public int Reads;
    }

    [Fact]
    public void The_id_is_read_once_per_client_and_again_when_another_client_sends()
    {
        var one = new FirstClient("order-service");
        var two = new FirstClient("audit");

        Assert.Equal("order-service", ClientIds.Of(one, static c => c.Name));
        Assert.Equal("order-service", ClientIds.Of(one, static c => c.Name));
        Assert.Equal("audit", ClientIds.Of(two, static c => c.Name));
        Assert.Equal("order-service", ClientIds.Of(one, static c => c.Name));

        Assert.Equal(2, one.Reads);
        Assert.Equal(1, two.Reads);
    }

    [Fact]
    public void A_null_client_has_no_id_and_is_not_read()
    {
        Assert.Null(ClientIds.Of<SecondClient>(null, static c => c.Name));

        var client = new SecondClient("x");
        Assert.Equal("x", ClientIds.Of(client, static c => c.Name));
        Assert.Equal(1, client.Reads);
    }

    [Fact]
    public void A_client_whose_id_cannot_be_read_has_none_and_is_asked_again_next_time()
    {
        var client = new FailingClient();

        Assert.Null(ClientIds.Of(client, static c => { c.Reads++; throw new ObjectDisposedException("producer"); }));
        Assert.Null(ClientIds.Of(client, static c => { c.Reads++; throw new ObjectDisposedException("producer"); }));

        Assert.Equal(2, client.Reads);
    }

}
