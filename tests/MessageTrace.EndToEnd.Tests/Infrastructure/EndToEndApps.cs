using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace MessageTrace.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Finds the build output of the apps in tests/EndToEnd.Apps. This project references every app
/// there (without referencing its assembly), so building it, or Generators.sln, builds them;
/// an app whose output is still missing is built once per test run, on first use.
/// </summary>
public static class EndToEndApps
{
    /// <summary>The apps' target framework, set in tests/EndToEnd.Apps/Directory.Build.props.</summary>
    public const string TargetFramework = "net10.0";

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Builds = new(StringComparer.Ordinal);

    /// <summary>tests/EndToEnd.Apps, as an absolute path (from this project's build).</summary>
    public static string Directory { get; } = Metadata("MessageTrace.EndToEndAppsDirectory");

    /// <summary>The configuration this project was built in; the apps are used in the same one.</summary>
    public static string Configuration { get; } = Metadata("MessageTrace.EndToEndAppsConfiguration");

    /// <summary>The path of APP_NAME.dll, after building the app if it is not built yet.</summary>
    public static Task<string> EnsureBuiltAsync(string appName, ITestOutputHelper? log = null) =>
        Builds.GetOrAdd(appName, name => new Lazy<Task<string>>(() => BuildIfMissingAsync(name, log))).Value;

    private static async Task<string> BuildIfMissingAsync(string appName, ITestOutputHelper? log)
    {
        var project = Path.Combine(Directory, appName, appName + ".csproj");
        if (!File.Exists(project))
        {
            throw new AppProcessException($"there is no app {appName}: {project} does not exist.");
        }

        var assembly = Path.Combine(Directory, appName, "bin", Configuration, TargetFramework, appName + ".dll");
        if (File.Exists(assembly))
        {
            return assembly;
        }

        await using var build = AppProcess.Start($"dotnet build {appName}", DotnetHost.Path,
            ["build", project, "-c", Configuration, "-nologo", "-v", "quiet"], log: log, timeout: TimeSpan.FromMinutes(5));
        var result = await build.WaitForExitAsync().ConfigureAwait(false);
        if (result.ExitCode != 0 || !File.Exists(assembly))
        {
            throw new AppProcessException(
                $"building {appName} failed (exit code {result.ExitCode}) or did not produce {assembly}:{Environment.NewLine}"
                + string.Join(Environment.NewLine, result.Output.TakeLast(60)));
        }

        return assembly;
    }

    private static string Metadata(string key) =>
        typeof(EndToEndApps).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing (set in MessageTrace.EndToEnd.Tests.csproj)");
}

/// <summary>The dotnet host (muxer) that runs the test, to run the apps and builds with.</summary>
public static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.ProcessPath is { } current
            && System.IO.Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return "dotnet";
    }
}
