// A user's program with the MessageTrace package but no attribute: the send below is not traced,
// and the package's analyzers must say so (MT0001).
using Org.Apache.Rocketmq;

var config = new ClientConfig.Builder().SetEndpoints("127.0.0.1:8081").Build();
await using var producer = await new Producer.Builder().SetClientConfig(config).SetTopics("orders").Build();

var message = new Message.Builder().SetTopic("orders").SetBody("order-1"u8.ToArray()).Build();
var receipt = await producer.Send(message);
Console.WriteLine($"sent {receipt.MessageId}");
