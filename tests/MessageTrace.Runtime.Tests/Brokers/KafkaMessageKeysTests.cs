using System;
using Xunit;

namespace MessageTrace.Runtime.Tests;

/// <summary><see cref="KafkaMessageKeys"/>: text keys as they are, other keys only through a registered formatter.</summary>
[Collection(GlobalStateCollection.Name)]
public sealed class KafkaMessageKeysTests
{
    private readonly record struct OrderKey(int Region, int Number);

    private sealed class CustomerKey(string id)
    {
        public string Id { get; } = id;
    }

    [Fact]
    public void A_text_key_is_recorded_as_it_is()
    {
        Assert.Equal("order-17", KafkaMessageKeys.Text("order-17"));
        Assert.Null(KafkaMessageKeys.Text<string?>(null));
    }

    [Fact]
    public void A_key_of_another_type_is_recorded_only_once_a_formatter_is_registered_for_that_type()
    {
        var key = new OrderKey(3, 17);
        Assert.Null(KafkaMessageKeys.Text(key));

        KafkaMessageKeys.UseFormatter<OrderKey>(static k => $"{k.Region}-{k.Number}");
        try
        {
            Assert.Equal("3-17", KafkaMessageKeys.Text(key));
            Assert.Null(KafkaMessageKeys.Text(17)); // another type keeps its own (absent) formatter
        }
        finally
        {
            KafkaMessageKeys.UseFormatter<OrderKey>(null);
        }

        Assert.Null(KafkaMessageKeys.Text(key));
    }

    [Fact]
    public void A_formatter_that_throws_records_no_key_and_a_null_key_is_not_formatted()
    {
        int calls = 0;
        KafkaMessageKeys.UseFormatter<CustomerKey>(k =>
        {
            calls++;
            return k.Id.Length > 0 ? k.Id : throw new FormatException("empty id");
        });
        try
        {
            Assert.Null(KafkaMessageKeys.Text(new CustomerKey(string.Empty)));
            Assert.Null(KafkaMessageKeys.Text<CustomerKey?>(null));
            Assert.Equal("c-9", KafkaMessageKeys.Text(new CustomerKey("c-9")));
            Assert.Equal(2, calls);
        }
        finally
        {
            KafkaMessageKeys.UseFormatter<CustomerKey>(null);
        }
    }
}
