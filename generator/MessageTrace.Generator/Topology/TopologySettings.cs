using Microsoft.CodeAnalysis.Diagnostics;

namespace MessageTrace.Generator.Topology;

/// <summary>
/// Whether this project gets an AsyncAPI document, from the MSBuild properties the compiler sees:
/// <c>MessageTraceAsyncApi</c> (the package's targets set it to true unless the project turned it off; a
/// compilation without it gets no document) and <c>ProjectDir</c>, which source paths are made relative to
/// so the document does not depend on where the repository is checked out.
/// </summary>
internal sealed record TopologySettings(bool Enabled, string ProjectDirectory)
{
    public static readonly TopologySettings Off = new(false, string.Empty);

    public static TopologySettings From(AnalyzerConfigOptions options)
    {
        bool enabled = options.TryGetValue("build_property.MessageTraceAsyncApi", out var value)
            && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        if (!enabled)
        {
            return Off;
        }

        options.TryGetValue("build_property.ProjectDir", out var directory);
        return new TopologySettings(true, Normalize(directory ?? string.Empty));
    }

    /// <summary><paramref name="path"/> relative to the project directory when it is under it, with <c>/</c> separators.</summary>
    public string RelativePath(string path)
    {
        string normalized = Normalize(path);
        // Ignoring case: on Windows the compiler's path and ProjectDir can differ in the drive letter's case.
        if (ProjectDirectory.Length > 0 && normalized.StartsWith(ProjectDirectory, System.StringComparison.OrdinalIgnoreCase))
        {
            return normalized.Substring(ProjectDirectory.Length).TrimStart('/');
        }

        int slash = normalized.LastIndexOf('/');
        return slash < 0 ? normalized : normalized.Substring(slash + 1);
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
