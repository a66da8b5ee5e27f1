using System.Collections.Concurrent;
using System.IO;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// The broker adapters under Adapters/: ordinary C# files, embedded in this assembly and emitted as they
/// are (with the tool version filled in) into the projects that use the broker.
/// </summary>
internal static class AdapterSources
{
    private const string Prefix = "MessageTrace.Generator.Adapters.";
    private static readonly ConcurrentDictionary<string, string> s_texts = new(System.StringComparer.Ordinal);

    /// <summary>The source of adapter <paramref name="name"/>, one declaration without a namespace.</summary>
    public static string Get(string name) => s_texts.GetOrAdd(name, static key =>
    {
        using var stream = typeof(AdapterSources).Assembly.GetManifestResourceStream(Prefix + key + ".cs")
            ?? throw new System.InvalidOperationException("No embedded adapter " + key);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Replace("\r\n", "\n")
            .Replace("\"MessageTrace.Generator\", \"VERSION\"", "\"" + GeneratedFile.ToolName + "\", \"" + GeneratedFile.ToolVersion + "\"")
            .TrimEnd('\n');
    });
}
