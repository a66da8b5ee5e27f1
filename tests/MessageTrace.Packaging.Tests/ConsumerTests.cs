using System;
using System.IO;
using System.Linq;
using MessageTrace.Packaging.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MessageTrace.Packaging.Tests;

/// <summary>
/// Projects that reference the packed MessageTrace from the local feed only, as a user's would after
/// <c>dotnet add package MessageTrace</c>: built, run and published with Native AOT. Each test logs the
/// commands it ran and their output; a failure carries the output of the step that failed.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ConsumerTests(PackagedMessageTrace package, ITestOutputHelper log)
{
    [Fact]
    public void Traced_consumer_builds_with_warnings_as_errors_and_its_send_and_handler_are_traced()
    {
        var consumer = package.CreateConsumer("Traced", "Traced/Program.cs", new ConsumerOptions(TreatWarningsAsErrors: true, WithOpenTelemetrySdk: true));

        Logged(consumer.Build()).EnsureSuccess("Building the traced consumer (TreatWarningsAsErrors)");
        Assert.True(
            Directory.Exists(consumer.GeneratedFilesDirectory)
            && Directory.EnumerateFiles(consumer.GeneratedFilesDirectory, "*.g.cs", SearchOption.AllDirectories)
                .Any(file => file.Contains("MessageTrace.Generator", StringComparison.Ordinal)),
            $"the package's generator wrote no file under {consumer.GeneratedFilesDirectory}");

        ConsumerReport.Parse(Logged(consumer.RunBuiltProgram())).AssertSendAndProcessTraced();

        // The package's build step wrote the project's AsyncAPI document next to its output.
        string document = Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "Traced.asyncapi.json");
        Assert.True(File.Exists(document), $"the package's build step wrote no {document}");
        Assert.Contains("\"asyncapi\": \"3.0.0\"", File.ReadAllText(document), StringComparison.Ordinal);
        Assert.Contains("OrderPublisher", File.ReadAllText(document), StringComparison.Ordinal);
    }

    [Fact]
    public void MessageTraceAsyncApi_false_turns_the_document_off()
    {
        var consumer = package.CreateConsumer("NoDocument", "Traced/Program.cs", new ConsumerOptions(TreatWarningsAsErrors: true, WithOpenTelemetrySdk: true));

        Logged(consumer.Build("-p:MessageTraceAsyncApi=false")).EnsureSuccess("Building the traced consumer with MessageTraceAsyncApi=false");

        Assert.False(File.Exists(Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "NoDocument.asyncapi.json")));
    }

    [Fact]
    public void Untraced_send_in_a_consumer_gets_MT0001_from_the_package()
    {
        var consumer = package.CreateConsumer("Untraced", "Untraced/Program.cs", new ConsumerOptions(TreatWarningsAsErrors: false, WithOpenTelemetrySdk: false));

        var build = Logged(consumer.Build()).EnsureSuccess("Building the untraced consumer");

        var mt0001 = BuildOutput.Warnings(build, "MT0001");
        Assert.True(mt0001.Count > 0, $"no MT0001 warning for the untraced producer.Send(message).{Environment.NewLine}{build.Describe()}");
        Assert.All(mt0001, line => Assert.Contains("Program.cs", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_report_property_turns_on_MT0008_through_the_package()
    {
        var consumer = package.CreateConsumer("Coverage", "Untraced/Program.cs", new ConsumerOptions(TreatWarningsAsErrors: false, WithOpenTelemetrySdk: false));
        string sarif = Path.Combine(consumer.Directory, "diagnostics.sarif");

        // Info diagnostics stay out of the console at normal verbosity; the error log has them all.
        var build = Logged(consumer.Build("-p:MessageTraceCoverageReport=true", "-p:ErrorLog=" + sarif + "%2Cversion=2.1"))
            .EnsureSuccess("Building the untraced consumer with the coverage report on");

        int line = Array.FindIndex(File.ReadAllLines(Path.Combine(consumer.Directory, "Program.cs")), text => text.Contains("producer.Send(", StringComparison.Ordinal)) + 1;
        string log = File.ReadAllText(sarif);
        Assert.True(
            log.Contains("\"MT0008\"", StringComparison.Ordinal)
            && log.Contains($"0 of 1 messaging call sites are traced; untraced: Program.cs:{line} OutsideProducerScope", StringComparison.Ordinal),
            $"no MT0008 report for the one untraced send in {sarif}:{Environment.NewLine}{log}{Environment.NewLine}{build.Describe()}");
    }

    [Fact]
    public void Traced_consumer_publishes_with_native_aot_without_warnings_and_the_native_binary_traces()
    {
        var consumer = package.CreateConsumer("TracedAot", "Traced/Program.cs", new ConsumerOptions(TreatWarningsAsErrors: false, WithOpenTelemetrySdk: true));

        var publish = Logged(consumer.PublishNativeAot()).EnsureSuccess("Publishing the traced consumer with Native AOT");

        var warnings = BuildOutput.Warnings(publish);
        Assert.True(warnings.Count == 0,
            $"Native AOT publish reported {warnings.Count} warning(s):{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}"
            + $"{Environment.NewLine}{publish.Describe()}");
        Assert.True(File.Exists(consumer.NativeExecutable), $"no native executable at {consumer.NativeExecutable}.{Environment.NewLine}{publish.Describe()}");

        ConsumerReport.Parse(Logged(consumer.RunNativeExecutable())).AssertSendAndProcessTraced();
    }

    private ProcessResult Logged(ProcessResult result)
    {
        log.WriteLine(result.Describe());
        return result;
    }
}
