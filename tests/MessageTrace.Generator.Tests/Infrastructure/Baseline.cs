using System;
using System.IO;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace MessageTrace.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated text with checked-in baselines under <c>Baselines/{Test}/{HintName}.verified.cs</c>.
/// A mismatch fails with a unified diff. To accept new output on purpose, run the tests with
/// <c>MESSAGETRACE_UPDATE_BASELINES=1</c>: mismatching and missing baselines are rewritten and the
/// test still fails once so the change is never silent. A normal run never writes a file.
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "MESSAGETRACE_UPDATE_BASELINES";

    /// <summary>Verifies every generated file, so one run reports (and, when asked, rewrites) all of them.</summary>
    public static void VerifyAll(string testName, System.Collections.Generic.IEnumerable<(string HintName, string Text)> sources)
    {
        var failures = new System.Collections.Generic.List<string>();
        foreach (var (hintName, text) in sources)
        {
            try
            {
                Verify(testName, hintName, text);
            }
            catch (Xunit.Sdk.XunitException exception)
            {
                failures.Add(exception.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    public static void Verify(string testName, string hintName, string actual)
    {
        actual = Scrub(actual);
        string path = Path.Combine(ProjectDirectory(), "Baselines", testName, hintName.Replace(".g.cs", ".verified.cs"));
        bool update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        if (!File.Exists(path))
        {
            if (update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual);
            }

            Assert.Fail($"Baseline {path} does not exist.{(update ? " It has been written; review it." : $" Run with {UpdateVariable}=1 to create it.")}\n\n{actual}");
        }

        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual)
        {
            return;
        }

        if (update)
        {
            File.WriteAllText(path, actual);
        }

        Assert.Fail($"Generated {hintName} differs from {path}{(update ? " (baseline rewritten; review the diff)" : $" (run with {UpdateVariable}=1 to accept)")}:\n{Diff(expected, actual)}");
    }

    /// <summary>Replaces the tool version so baselines survive version bumps.</summary>
    public static string Scrub(string text) => text
        .Replace("\r\n", "\n")
        .Replace("\"" + Emit.GeneratedFile.ToolVersion + "\"", "\"VERSION\"");

    public static string ProjectDirectory()
    {
        // Recorded at build time; a deterministic CI build maps [CallerFilePath] to "/_/...".
        foreach (var metadata in typeof(Baseline).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false))
        {
            if (metadata is System.Reflection.AssemblyMetadataAttribute { Key: "MessageTraceTestProjectDirectory", Value: { Length: > 0 } directory })
            {
                return directory;
            }
        }

        throw new InvalidOperationException("The test assembly does not record its project directory.");
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var builder = new StringBuilder();
        foreach (var line in diff.Lines)
        {
            string prefix = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };

            if (line.Type != ChangeType.Unchanged || builder.Length < 20000)
            {
                builder.Append(prefix).Append(line.Text).Append('\n');
            }
        }

        return builder.ToString();
    }
}
