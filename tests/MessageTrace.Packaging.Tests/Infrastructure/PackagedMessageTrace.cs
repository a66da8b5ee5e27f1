using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MessageTrace.Packaging.Tests.Infrastructure;

/// <summary>
/// One pack of runtime/MessageTrace per test run, into a local folder feed in a temporary workspace, and
/// the consumer projects built against it there.
/// </summary>
/// <remarks>
/// <para>The package gets a version no earlier run used (<c>0.0.0-test.g…</c>), so no NuGet cache can
/// serve a stale copy, and the workspace's nuget.config maps the id <c>MessageTrace</c> to the local feed
/// only (packageSourceMapping): the consumers can get it from nowhere else. Every other package comes from
/// the feeds the repository itself uses, through the normal global packages folder, so nothing already
/// downloaded is downloaded again.</para>
/// <para>The workspace holds empty Directory.Build.props/.targets/Directory.Packages.props files, so the
/// consumers see nothing of any MSBuild file above them: they are plain user projects.</para>
/// <para>Disposing deletes the workspace and this run's <c>messagetrace/0.0.0-test.g…</c> folder from the
/// global packages folder. Set MESSAGETRACE_KEEP_PACKAGING_WORKSPACE=1 to keep the workspace.</para>
/// </remarks>
public sealed class PackagedMessageTrace : IDisposable
{
    public const string PackageId = "MessageTrace";
    private const string LocalFeedKey = "messagetrace-under-test";

    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private readonly List<ConsumerProject> _consumers = new();

    public PackagedMessageTrace()
    {
        Version = "0.0.0-test.g" + Guid.NewGuid().ToString("N")[..16];
        Workspace = Path.Combine(Path.GetTempPath(), "messagetrace-packaging-" + Version["0.0.0-test.".Length..]);
        FeedDirectory = Path.Combine(Workspace, "feed");
        Directory.CreateDirectory(FeedDirectory);
        try
        {
            // Release, as shipped; after the solution's Release build this only zips what is already built.
            PackResult = ProcessRunner.DotNet(
                    RepositoryPaths.Root, PackTimeout,
                    "pack", RepositoryPaths.RuntimeProject, "-c", "Release", "-o", FeedDirectory,
                    $"-p:PackageVersion={Version}", "--disable-build-servers", "-tl:off")
                .EnsureSuccess("Packing runtime/MessageTrace");
            PackagePath = Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");
            SymbolPackagePath = Path.Combine(FeedDirectory, $"{PackageId}.{Version}.snupkg");
            if (!File.Exists(PackagePath))
            {
                throw new InvalidOperationException($"dotnet pack wrote no {Path.GetFileName(PackagePath)}: {PackResult.Describe()}");
            }

            WriteWorkspaceFiles();
        }
        catch
        {
            DeleteWorkspace();
            throw;
        }
    }

    /// <summary>This run's unique package version.</summary>
    public string Version { get; }

    /// <summary>The temporary folder holding the feed, nuget.config and the consumer projects.</summary>
    public string Workspace { get; }

    public string FeedDirectory { get; }

    public string PackagePath { get; }

    public string SymbolPackagePath { get; }

    /// <summary>The output of <c>dotnet pack</c>.</summary>
    public ProcessResult PackResult { get; }

    /// <summary>Creates the consumer project <paramref name="name"/> in the workspace with the given program.</summary>
    public ConsumerProject CreateConsumer(string name, string programSourceFile, ConsumerOptions options)
    {
        var directory = Path.Combine(Workspace, name);
        Directory.CreateDirectory(directory);
        File.Copy(RepositoryPaths.ConsumerSource(programSourceFile), Path.Combine(directory, "Program.cs"), overwrite: true);
        var projectFile = Path.Combine(directory, name + ".csproj");
        ConsumerProjectFile(options).Save(projectFile);
        var consumer = new ConsumerProject(name, directory, projectFile);
        _consumers.Add(consumer);
        return consumer;
    }

    public void Dispose()
    {
        RemoveFromGlobalPackagesFolders();
        if (Environment.GetEnvironmentVariable("MESSAGETRACE_KEEP_PACKAGING_WORKSPACE") != "1")
        {
            DeleteWorkspace();
        }
    }

    // A user's project: the package, the broker client (the RocketMQ API-shape double, by path) and,
    // for the traced ones, the OpenTelemetry SDK. Nothing about interceptors: the package's
    // buildTransitive targets must do that.
    private XDocument ConsumerProjectFile(ConsumerOptions options)
    {
        var properties = new XElement("PropertyGroup",
            new XElement("OutputType", "Exe"),
            new XElement("TargetFramework", "net10.0"),
            new XElement("Nullable", "enable"),
            new XElement("ImplicitUsings", "enable"),
            new XElement("TreatWarningsAsErrors", options.TreatWarningsAsErrors ? "true" : "false"),
            new XElement("EmitCompilerGeneratedFiles", "true"));
        var references = new XElement("ItemGroup",
            PackageReference(PackageId, Version));
        if (options.WithOpenTelemetrySdk)
        {
            references.Add(
                PackageReference("OpenTelemetry", RepositoryPaths.CentralPackageVersion("OpenTelemetry")),
                PackageReference("OpenTelemetry.Exporter.InMemory", RepositoryPaths.CentralPackageVersion("OpenTelemetry.Exporter.InMemory")));
        }

        references.Add(new XElement("Reference",
            new XAttribute("Include", "RocketMq.ApiShape"),
            new XElement("HintPath", RepositoryPaths.RocketMqApiShapeAssembly)));
        return new XDocument(new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"), properties, references));

        static XElement PackageReference(string id, string version)
            => new("PackageReference", new XAttribute("Include", id), new XAttribute("Version", version));
    }

    private void WriteWorkspaceFiles()
    {
        const string Isolated = "<Project>\n  <!-- Stops MSBuild looking above this folder: the consumers are plain user projects. -->\n</Project>\n";
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.props"), Isolated);
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.targets"), Isolated);
        File.WriteAllText(Path.Combine(Workspace, "Directory.Packages.props"), Isolated);

        var upstream = UpstreamSources();
        var sources = new XElement("packageSources", new XElement("clear"),
            new XElement("add", new XAttribute("key", LocalFeedKey), new XAttribute("value", FeedDirectory)));
        var mapping = new XElement("packageSourceMapping",
            new XElement("packageSource", new XAttribute("key", LocalFeedKey),
                new XElement("package", new XAttribute("pattern", PackageId))));
        foreach (var (key, url) in upstream)
        {
            sources.Add(new XElement("add", new XAttribute("key", key), new XAttribute("value", url)));
            mapping.Add(new XElement("packageSource", new XAttribute("key", key),
                new XElement("package", new XAttribute("pattern", "*"))));
        }

        new XDocument(new XElement("configuration", sources, mapping)).Save(Path.Combine(Workspace, "nuget.config"));
    }

    // The enabled feeds the repository restores from, under their own keys (so credentials configured
    // for them still apply). `MessageTrace` is mapped to the local feed only; `*` to these.
    private static List<(string Key, string Url)> UpstreamSources()
    {
        var listing = ProcessRunner.DotNet(RepositoryPaths.Root, TimeSpan.FromMinutes(2), "nuget", "list", "source", "--format", "Detailed")
            .EnsureSuccess("Listing the NuGet sources");
        var header = new Regex(@"^\s*\d+\.\s+(?<key>.+?)\s+\[(?<state>[^\]]+)\]\s*$");
        var sources = new List<(string, string)>();
        var lines = listing.Lines.ToList();
        for (var i = 0; i < lines.Count - 1; i++)
        {
            var match = header.Match(lines[i]);
            if (match.Success && match.Groups["state"].Value == "Enabled" && lines[i + 1].Trim() is { Length: > 0 } url)
            {
                sources.Add((match.Groups["key"].Value, url));
            }
        }

        if (sources.Count == 0)
        {
            sources.Add(("nuget.org", "https://api.nuget.org/v3/index.json"));
        }

        return sources;
    }

    // Restore extracted this run's package into the global packages folder; nothing will ever ask for
    // that version again. Each consumer's assets file names the folders its restore used.
    private void RemoveFromGlobalPackagesFolders()
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var consumer in _consumers)
        {
            var assets = Path.Combine(consumer.Directory, "obj", "project.assets.json");
            if (!File.Exists(assets))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(assets));
                if (json.RootElement.TryGetProperty("packageFolders", out var packageFolders))
                {
                    folders.UnionWith(packageFolders.EnumerateObject().Select(folder => folder.Name));
                }
            }
            catch (JsonException)
            {
                // An unreadable assets file: nothing to learn from it.
            }
        }

        foreach (var folder in folders)
        {
            var extracted = Path.Combine(folder, PackageId.ToLowerInvariant(), Version.ToLowerInvariant());
            TryDelete(extracted);
        }
    }

    private void DeleteWorkspace() => TryDelete(Workspace);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temporary folder left behind is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <param name="TreatWarningsAsErrors">The consumer's TreatWarningsAsErrors.</param>
/// <param name="WithOpenTelemetrySdk">Reference OpenTelemetry and OpenTelemetry.Exporter.InMemory.</param>
public sealed record ConsumerOptions(bool TreatWarningsAsErrors, bool WithOpenTelemetrySdk);

/// <summary>A consumer project in the workspace and the dotnet commands the tests run on it.</summary>
public sealed class ConsumerProject(string name, string directory, string projectFile)
{
    public string Name { get; } = name;

    public string Directory { get; } = directory;

    public string ProjectFile { get; } = projectFile;

    /// <summary>Folder with the files the generator wrote (EmitCompilerGeneratedFiles).</summary>
    public string GeneratedFilesDirectory => Path.Combine(Directory, "obj", "Release", "net10.0", "generated");

    /// <summary><c>dotnet build -c Release</c> (restores once, as part of the build), with any <paramref name="properties"/> (<c>-p:Name=Value</c>).</summary>
    public ProcessResult Build(params string[] properties)
        => ProcessRunner.DotNet(Directory, PackagedMessageTrace.BuildTimeout,
            ["build", ProjectFile, "-c", "Release", "--disable-build-servers", "-tl:off", .. properties]);

    /// <summary>Runs the framework-dependent build output with <c>dotnet</c>.</summary>
    public ProcessResult RunBuiltProgram()
        => ProcessRunner.Run(ProcessRunner.DotNetHost,
            [Path.Combine(Directory, "bin", "Release", "net10.0", Name + ".dll")], Directory, ProcessRunner.ProgramTimeout);

    /// <summary><c>dotnet publish -r linux-x64 -p:PublishAot=true</c>.</summary>
    public ProcessResult PublishNativeAot()
        => ProcessRunner.DotNet(Directory, PackagedMessageTrace.PublishTimeout,
            "publish", ProjectFile, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "--disable-build-servers", "-tl:off");

    public string NativeExecutable => Path.Combine(Directory, "bin", "Release", "net10.0", "linux-x64", "publish", Name);

    public ProcessResult RunNativeExecutable()
        => ProcessRunner.Run(NativeExecutable, [], Directory, ProcessRunner.ProgramTimeout);
}
