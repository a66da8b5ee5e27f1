using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MessageTrace.Generator.Profiles;

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

    /// <summary>
    /// The generic struct of adapter <see cref="AdapterSpecialization.Generic"/> (its file's last declaration)
    /// written out for <see cref="AdapterSpecialization.TypeArguments"/> under the name <paramref name="name"/>.
    /// </summary>
    public static string Specialize(AdapterSpecialization specialization, string name)
    {
        string text = Get(specialization.Generic);
        string header = "file struct " + specialization.Generic + "<";
        int declaration = text.IndexOf(header, System.StringComparison.Ordinal);
        int parametersEnd = declaration < 0 ? -1 : text.IndexOf('>', declaration);
        if (parametersEnd < 0)
        {
            throw new System.InvalidOperationException("Adapter " + specialization.Generic + " declares no generic struct");
        }

        // The struct's own comment and attribute lines come with it.
        int attribute = text.LastIndexOf("\n[", declaration, System.StringComparison.Ordinal) + 1;
        int start = attribute;
        while (start > 0)
        {
            int line = start >= 2 ? text.LastIndexOf('\n', start - 2) + 1 : 0;
            if (!text.Substring(line, start - line).StartsWith("//", System.StringComparison.Ordinal))
            {
                break;
            }

            start = line;
        }

        string parameters = text.Substring(declaration + header.Length, parametersEnd - declaration - header.Length);
        var names = parameters.Split(',').Select(static p => p.Trim()).ToList();
        if (names.Count != specialization.TypeArguments.Count)
        {
            throw new System.InvalidOperationException("Adapter " + specialization.Generic + " takes " + names.Count + " type arguments");
        }

        string comment = text.Substring(start, attribute - start);

        // One pass over every type parameter at once, so a type argument is never substituted into again.
        string body = text.Substring(attribute).Replace(specialization.Generic + "<" + parameters + ">", name);
        body = Regex.Replace(body, @"\b(" + string.Join("|", names) + @")\b", match => specialization.TypeArguments[names.IndexOf(match.Value)]);
        return comment
            + "// This is " + specialization.Generic + "<" + string.Join(", ", specialization.TypeArguments) + "> written out: the runtime's generic code is then\n"
            + "// compiled for these types, instead of one shared body that looks them up on every send.\n"
            + body;
    }
}
