using System.Collections.Generic;
using System.Linq;
using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Writes the adapters a generated file uses, each once: the broker's (from Adapters/) and those of
/// user-defined carriers (from their facts), and generic ones written out for a call's type arguments.
/// Runtime adapters need nothing written.
/// </summary>
internal static class AdapterEmitter
{
    public static void Write(SourceWriter writer, IEnumerable<AdapterRef> adapters)
    {
        var written = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var adapter in adapters.Distinct().OrderBy(static a => a.Name, System.StringComparer.Ordinal))
        {
            if (adapter.Custom is { } custom && written.Add(adapter.Name))
            {
                writer.Line();
                CustomAdapterEmitter.Write(writer, custom, adapter.Outgoing);
            }

            foreach (var resource in adapter.Resources)
            {
                if (written.Add(resource))
                {
                    writer.Line();
                    writer.Block(AdapterSources.Get(resource));
                }
            }

            if (adapter.Specialization is { } specialization && written.Add(adapter.Name))
            {
                writer.Line();
                writer.Block(AdapterSources.Specialize(specialization, adapter.Name));
            }
        }
    }
}
