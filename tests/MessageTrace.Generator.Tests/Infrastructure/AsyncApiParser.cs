using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace MessageTrace.Generator.Tests.Infrastructure;

/// <summary>
/// Validates documents with the reference AsyncAPI parser (<c>@asyncapi/parser</c>, run by
/// scripts/asyncapi/validate.mjs under node). scripts/test-setup.d/40-asyncapi-parser.sh installs it, and
/// ./test.sh runs that hook; without it these tests fail and say how to install it.
/// </summary>
internal static class AsyncApiParser
{
    /// <summary>Fails unless every document is valid AsyncAPI 3.0, listing the parser's errors.</summary>
    public static void AssertValid(params (string Name, string Json)[] documents)
    {
        string script = Script();
        string directory = Path.Combine(Path.GetTempPath(), "messagetrace-asyncapi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var files = documents.Select(d =>
            {
                string file = Path.Combine(directory, d.Name + ".asyncapi.json");
                File.WriteAllText(file, d.Json);
                return file;
            }).ToList();
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            files.ForEach(start.ArgumentList.Add);
            using var node = Process.Start(start)!;
            var stderr = node.StandardError.ReadToEndAsync();
            string stdout = node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            var results = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.True(results.Count == files.Count, $"the parser answered for {results.Count} of {files.Count} documents (exit code {node.ExitCode}):\n{stdout}\n{stderr.Result}");
            var invalid = results.Where(static r => !r.GetProperty("valid").GetBoolean()).Select(static r => r.ToString()).ToList();
            Assert.True(invalid.Count == 0, "invalid AsyncAPI documents:\n" + string.Join("\n", invalid));
            Assert.All(results, static r => Assert.Equal("3.0.0", r.GetProperty("version").GetString()));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Script()
    {
        string? configured = Environment.GetEnvironmentVariable("MESSAGETRACE_ASYNCAPI_VALIDATOR");
        string script = !string.IsNullOrEmpty(configured)
            ? configured
            : Path.GetFullPath(Path.Combine(Baseline.ProjectDirectory(), "..", "..", "scripts", "asyncapi", "validate.mjs"));
        string parser = Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "@asyncapi", "parser");
        Assert.True(File.Exists(script) && Directory.Exists(parser),
            $"The AsyncAPI parser is not installed ({parser}). Run ./test.sh, or `npm ci --prefix scripts/asyncapi` (scripts/test-setup.d/40-asyncapi-parser.sh).");
        return script;
    }
}
