using System.Collections.Generic;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// The <c>MessagingSite</c> fields of a generated class: one per distinct set of options, named in the
/// order interceptors first use them, each written once at the top of the class.
/// </summary>
internal sealed class SiteFields
{
    private readonly List<string> _creations = new();
    private readonly Dictionary<string, string> _names = new(System.StringComparer.Ordinal);

    /// <summary>The options of a send: what a send span records.</summary>
    public string ForSend(string system, ScopeOptions options) =>
        Name(system, options.Destination, consumerGroup: null, options.Namespace, options.RecordBodySize, parentPolicy: 0, countsConsumedMessages: true);

    /// <summary>The options of a handler or consumer: everything a process, receive or settle span records.</summary>
    /// <param name="countsConsumedMessages">False for handler calls after a traced receive, which counted the delivery.</param>
    public string ForConsumer(string system, ScopeOptions options, bool countsConsumedMessages = true) =>
        Name(system, options.Destination, options.ConsumerGroup, options.Namespace, options.RecordBodySize, options.ParentPolicy, countsConsumedMessages);

    public void Write(SourceWriter writer)
    {
        for (int i = 0; i < _creations.Count; i++)
        {
            writer.Line($"internal static readonly global::MessageTrace.MessagingSite s_site{i} = {_creations[i]};");
        }
    }

    private string Name(string system, string? template, string? consumerGroup, string? messagingNamespace, bool recordBodySize, int parentPolicy, bool countsConsumedMessages)
    {
        var arguments = new List<string> { Literals.String(system) };
        Add(arguments, "template", template);
        Add(arguments, "consumerGroup", consumerGroup);
        Add(arguments, "messagingNamespace", messagingNamespace);
        if (recordBodySize)
        {
            arguments.Add("recordBodySize: true");
        }

        if (parentPolicy is 1 or 2)
        {
            arguments.Add("parentPolicy: global::MessageTrace.HandlerParentPolicy." + (parentPolicy == 1 ? "LinkOnly" : "CreationContextAlways"));
        }

        if (!countsConsumedMessages)
        {
            arguments.Add("countsConsumedMessages: false");
        }

        string creation = "new(" + string.Join(", ", arguments) + ")";
        if (!_names.TryGetValue(creation, out var name))
        {
            name = "s_site" + _creations.Count;
            _names.Add(creation, name);
            _creations.Add(creation);
        }

        return name;
    }

    private static void Add(List<string> arguments, string name, string? value)
    {
        if (value is not null)
        {
            arguments.Add(name + ": " + Literals.String(value));
        }
    }
}
