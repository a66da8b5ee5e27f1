using MessageTrace.Generator.Recognition;
using Xunit;

namespace MessageTrace.Generator.Tests.Recognition;

/// <summary>
/// Which namespaces count as a broker client's: the namespace of a type the catalogue names, and the ones
/// nested in it, never one that merely starts with the same letters.
/// </summary>
public sealed class NamespaceTests
{
    [Theory]
    [InlineData("NATS.Client.Core", "NATS.Client.Core", true)]
    [InlineData("NATS.Client.Core.Internal", "NATS.Client.Core", true)]
    [InlineData("NATS.Client.CoreExtras", "NATS.Client.Core", false)]
    [InlineData("NATS.Client", "NATS.Client.Core", false)]
    [InlineData("Org.Apache.Rocketmq", "Org.Apache.Rocketmq", true)]
    public void A_namespace_is_within_a_root_only_at_a_dot(string name, string root, bool within) =>
        Assert.Equal(within, SymbolNames.IsWithinNamespace(name, root));

    [Theory]
    [InlineData("Org.Apache.Rocketmq.PushConsumer+Builder", "Org.Apache.Rocketmq")]
    [InlineData("NATS.Client.Core.NatsMsg", "NATS.Client.Core")]
    [InlineData("Global", "")]
    public void The_namespace_of_a_catalogue_name_drops_the_type_and_its_nesting(string metadataName, string expected) =>
        Assert.Equal(expected, SymbolNames.NamespaceOf(metadataName));
}
