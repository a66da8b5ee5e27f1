using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderPipeline.Domain;

/// <summary>An order placed by a customer; <see cref="Amount"/> must be positive.</summary>
public sealed record Order(string Id, string Customer, decimal Amount);

/// <summary>The invoice billing issues for an order.</summary>
public sealed record Invoice(string Id, string OrderId, string Customer, decimal Amount);

/// <summary>Thrown by billing for an order it cannot bill.</summary>
public sealed class InvalidOrderException(string orderId, decimal amount)
    : Exception($"invalid amount {amount} in order {orderId}")
{
    public string OrderId { get; } = orderId;
}

/// <summary>The topics (subjects, queues) of the pipeline.</summary>
public static class Topics
{
    public const string Orders = "orders";
    public const string Invoices = "invoices";

    /// <summary>Where an order billing failed twice is parked.</summary>
    public const string OrdersDead = "orders.dead";
}

/// <summary>The business rule of the sample: an order needs a positive amount to be billed.</summary>
public static class BillingRules
{
    public static Invoice Bill(Order order)
    {
        if (order.Amount <= 0)
        {
            throw new InvalidOrderException(order.Id, order.Amount);
        }

        return new Invoice("inv-" + order.Id, order.Id, order.Customer, order.Amount);
    }
}

/// <summary>JSON bodies (System.Text.Json source generation: no reflection).</summary>
public static class Payloads
{
    public static byte[] Serialize(Order order) => JsonSerializer.SerializeToUtf8Bytes(order, PayloadJson.Default.Order);

    public static byte[] Serialize(Invoice invoice) => JsonSerializer.SerializeToUtf8Bytes(invoice, PayloadJson.Default.Invoice);

    public static Order ReadOrder(ReadOnlySequence<byte> body) => Read(body, PayloadJson.Default.Order);

    public static Order ReadOrder(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize(body, PayloadJson.Default.Order) ?? throw new JsonException("empty order");

    public static Invoice ReadInvoice(ReadOnlySequence<byte> body) => Read(body, PayloadJson.Default.Invoice);

    public static Invoice ReadInvoice(ReadOnlySpan<byte> body) => JsonSerializer.Deserialize(body, PayloadJson.Default.Invoice) ?? throw new JsonException("empty invoice");

    private static T Read<T>(ReadOnlySequence<byte> body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var reader = new Utf8JsonReader(body);
        return JsonSerializer.Deserialize(ref reader, type) ?? throw new JsonException("empty " + typeof(T).Name);
    }
}

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Invoice))]
internal sealed partial class PayloadJson : JsonSerializerContext;
