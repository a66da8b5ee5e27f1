using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using MessageTrace.Packaging.Tests.Infrastructure;
using Xunit;

namespace MessageTrace.Packaging.Tests;

/// <summary>What `dotnet pack runtime/MessageTrace` puts in MessageTrace.&lt;version&gt;.nupkg and its .snupkg.</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageLayoutTests(PackagedMessageTrace package)
{
    [Fact]
    public void Package_holds_the_runtime_the_roslyn_components_the_transitive_targets_the_topology_tool_and_the_readme()
    {
        string[] expected =
        [
            "MessageTrace.nuspec",
            "README.md",
            "analyzers/dotnet/cs/MessageTrace.Analyzers.dll",
            "analyzers/dotnet/cs/MessageTrace.CodeFixes.dll",
            "analyzers/dotnet/cs/MessageTrace.Generator.dll",
            "buildTransitive/MessageTrace.targets",
            "lib/net8.0/MessageTrace.dll",
            "lib/net8.0/MessageTrace.xml",
            "lib/netstandard2.0/MessageTrace.dll",
            "lib/netstandard2.0/MessageTrace.xml",
            "tools/net8.0/MessageTrace.Topology.deps.json",
            "tools/net8.0/MessageTrace.Topology.dll",
            "tools/net8.0/MessageTrace.Topology.runtimeconfig.json",
        ];

        Assert.Equal(expected, PackageFiles(package.PackagePath));
    }

    [Fact]
    public void Nuspec_has_the_id_license_readme_and_repository_and_depends_only_on_the_runtime_packages()
    {
        var metadata = Nuspec().Elements().Single(element => element.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(element => element.Name.LocalName == name).Value;
        XElement Element(string name) => metadata.Elements().Single(element => element.Name.LocalName == name);

        Assert.Equal("MessageTrace", Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("expression", (string?)Element("license").Attribute("type"));
        Assert.Equal("Apache-2.0", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("https://github.com/messagetrace/messagetrace", Value("projectUrl"));
        Assert.Equal("git", (string?)Element("repository").Attribute("type"));
        Assert.Equal("https://github.com/messagetrace/messagetrace", (string?)Element("repository").Attribute("url"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));

        var groups = Element("dependencies").Elements().ToDictionary(
            group => (string)group.Attribute("targetFramework")!,
            group => group.Elements().Select(dependency => (string)dependency.Attribute("id")!).OrderBy(id => id, StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Keys.OrderBy(key => key, StringComparer.Ordinal));
        Assert.Equal(new[] { "OpenTelemetry.Api" }, groups["net8.0"]);
        Assert.Equal(new[] { "OpenTelemetry.Api", "System.Threading.Tasks.Extensions" }, groups[".NETStandard2.0"]);
    }

    [Fact]
    public void Package_readme_is_docs_package_readme()
    {
        var packed = ReadEntry(package.PackagePath, "README.md");
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "package-readme.md"));

        Assert.Equal(source.ReplaceLineEndings("\n"), packed.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Transitive_targets_add_the_generated_namespace_to_InterceptorsNamespaces()
    {
        var targets = XDocument.Parse(ReadEntry(package.PackagePath, "buildTransitive/MessageTrace.targets"));
        var values = targets.Descendants(targets.Root!.Name.Namespace + "InterceptorsNamespaces").Select(element => element.Value).ToList();

        Assert.Equal(new[] { "$(InterceptorsNamespaces);MessageTrace.Generated" }, values);
    }

    [Fact]
    public void Transitive_targets_make_the_coverage_report_and_asyncapi_switches_visible_to_the_analyzers()
    {
        var targets = XDocument.Parse(ReadEntry(package.PackagePath, "buildTransitive/MessageTrace.targets"));
        var visible = targets.Descendants(targets.Root!.Name.Namespace + "CompilerVisibleProperty").Select(element => (string?)element.Attribute("Include")).ToList();

        Assert.Equal(new[] { "MessageTraceCoverageReport", "MessageTraceAsyncApi" }, visible);
    }

    [Fact]
    public void Symbol_package_holds_the_pdbs_of_both_target_frameworks()
    {
        Assert.True(File.Exists(package.SymbolPackagePath), $"no symbol package {package.SymbolPackagePath}:{Environment.NewLine}{package.PackResult.Describe()}");

        var pdbs = PackageFiles(package.SymbolPackagePath).Where(path => path.EndsWith(".pdb", StringComparison.Ordinal));

        Assert.Equal(new[] { "lib/net8.0/MessageTrace.pdb", "lib/netstandard2.0/MessageTrace.pdb" }, pdbs);
    }

    [Fact]
    public void Net8_runtime_assembly_is_marked_trimmable()
    {
        // IsAotCompatible implies IsTrimmable, which the SDK records as [assembly: AssemblyMetadata("IsTrimmable", "True")].
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var stream = new MemoryStream();
        using (var entry = archive.GetEntry("lib/net8.0/MessageTrace.dll")!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        Assert.Contains(("IsTrimmable", "True"), AssemblyMetadata(metadata));
    }

    // Package content, without the OPC bookkeeping NuGet adds (_rels, [Content_Types].xml, package/).
    private static List<string> PackageFiles(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        return archive.Entries
            .Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
    }

    private static string ReadEntry(string packagePath, string entryName)
    {
        using var archive = ZipFile.OpenRead(packagePath);
        var entry = archive.GetEntry(entryName) ?? throw new InvalidOperationException($"{entryName} is not in {packagePath}");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private XElement Nuspec() => XDocument.Parse(ReadEntry(package.PackagePath, "MessageTrace.nuspec")).Root!;

    private static IEnumerable<(string Key, string Value)> AssemblyMetadata(MetadataReader metadata)
    {
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            // Blob: prolog 0x0001, then the two string arguments.
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            yield return (blob.ReadSerializedString() ?? "", blob.ReadSerializedString() ?? "");
        }
    }
}
