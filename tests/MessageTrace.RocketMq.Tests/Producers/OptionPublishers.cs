using System.Threading.Tasks;
using Org.Apache.Rocketmq;

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>Producers that set the attribute's options.</summary>
public sealed class OptionPublishers(Producer producer)
{
    public const string Template = "orders.{region}";
    public const string ExplicitNamespace = "shop-explicit";
    public const string TransactionNamespace = "payments";

    /// <summary>A destination template, an explicit namespace and the opt-in body size.</summary>
    [TracedProducer(Destination = Template, Namespace = ExplicitNamespace, RecordBodySize = true)]
    public Task<ISendReceipt> SendTemplated(Message message) => producer.Send(message);

    /// <summary>No options: namespace from the assembly defaults, no body size.</summary>
    [TracedProducer]
    public Task<ISendReceipt> SendDefaults(Message message) => producer.Send(message);

    /// <summary>An explicitly empty namespace wins over the assembly default.</summary>
    [TracedProducer(Namespace = "")]
    public Task<ISendReceipt> SendEmptyNamespace(Message message) => producer.Send(message);

    /// <summary>A transactional send, committed.</summary>
    [TracedProducer(Namespace = TransactionNamespace)]
    public async Task<SendReceipt> SendInTransactionAsync(Message message)
    {
        var transaction = producer.BeginTransaction();
        var receipt = await producer.Send(message, transaction);
        await transaction.Commit();
        return receipt;
    }
}
