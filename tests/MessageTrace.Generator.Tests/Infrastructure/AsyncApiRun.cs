using System.IO;
using System.Linq;
using MessageTrace.Topology;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MessageTrace.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles a project with the AsyncAPI document on (<c>MessageTraceAsyncApi=true</c>, the project under
/// <see cref="ProjectDirectory"/>), emits the assembly and reads the document back from it the way the build
/// step does (<see cref="AsyncApiMetadata"/>).
/// </summary>
internal static class AsyncApiRun
{
    public const string ProjectDirectory = "/src/Shop/";

    /// <summary>The document of a project named <paramref name="assemblyName"/> made of <paramref name="sources"/> (paths under <see cref="ProjectDirectory"/>).</summary>
    public static string Document(string assemblyName, params (string Path, string Text)[] sources)
    {
        using var image = new MemoryStream();
        var emitted = Compile(assemblyName, sources).Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        string? document = AsyncApiMetadata.Read(image);
        Assert.NotNull(document);
        return document;
    }

    /// <summary>The project compiled with the generator's output, the document on.</summary>
    public static Compilation Compile(string assemblyName, params (string Path, string Text)[] sources)
    {
        var compilation = TestCompilation.Create(sources.Select(static s => (ProjectDirectory + s.Path, s.Text)).ToArray()).WithAssemblyName(assemblyName);
        var run = GeneratorRun.Run(compilation, GeneratorRun.CreateDriver(("MessageTraceAsyncApi", "true"), ("ProjectDir", ProjectDirectory)));
        run.AssertNoProblems();
        return run.Output;
    }

    /// <summary>A one-file project compiled with the generator's output.</summary>
    public static Compilation Compile(string assemblyName, string source) => Compile(assemblyName, ("Program.cs", source));

    /// <summary>The document of a one-file project.</summary>
    public static string Document(string assemblyName, string source) => Document(assemblyName, ("Program.cs", source));
}
