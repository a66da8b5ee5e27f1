using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace MessageTrace.Packaging.Tests.Infrastructure;

/// <summary>Where things are in the repository and in this test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding Generators.sln above this assembly (else $MESSAGETRACE_ROOT).</summary>
    public static string Root { get; } = FindRoot();

    public static string RuntimeProject => Path.Combine(Root, "runtime", "MessageTrace", "MessageTrace.csproj");

    /// <summary>The RocketMQ API-shape double, copied next to this assembly by its project reference.</summary>
    public static string RocketMqApiShapeAssembly => Path.Combine(AppContext.BaseDirectory, "RocketMq.ApiShape.dll");

    /// <summary>A consumer program source shipped with this assembly (the Consumers folder).</summary>
    public static string ConsumerSource(string relativePath) => Path.Combine(AppContext.BaseDirectory, "Consumers", relativePath);

    /// <summary>The version Directory.Packages.props pins for a package, so consumers restore what the repo restores.</summary>
    public static string CentralPackageVersion(string packageId)
    {
        var props = XDocument.Load(Path.Combine(Root, "Directory.Packages.props"));
        return props.Descendants("PackageVersion")
            .Where(item => string.Equals((string?)item.Attribute("Include"), packageId, StringComparison.OrdinalIgnoreCase))
            .Select(item => (string?)item.Attribute("Version"))
            .FirstOrDefault(version => version is not null)
            ?? throw new InvalidOperationException($"Directory.Packages.props pins no version of {packageId}.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        if (Environment.GetEnvironmentVariable("MESSAGETRACE_ROOT") is { Length: > 0 } root
            && File.Exists(Path.Combine(root, "Generators.sln")))
        {
            return root;
        }

        throw new InvalidOperationException(
            $"Cannot find the repository root (Generators.sln) above {AppContext.BaseDirectory}; set MESSAGETRACE_ROOT.");
    }
}
