using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MessageTrace.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MessageTrace.Analyzers.Tests;

/// <summary>
/// Diagnostic IDs are product surface: every rule has one title, severity and category, a help page
/// that exists, an entry in the release tracking file, and messages that say what to do.
/// </summary>
public sealed class DescriptorTests
{
    private static readonly DiagnosticDescriptor[] s_descriptors = AllAnalyzers.Analyzers
        .SelectMany(static a => a.SupportedDiagnostics)
        .Distinct()
        .ToArray();

    private static readonly string[] s_ids = s_descriptors.Select(static d => d.Id).Distinct().OrderBy(static id => id, StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Ids() => new(s_ids);

    [Fact]
    public void TheRulesAreMT0001ToMT0008() =>
        Assert.Equal(["MT0001", "MT0002", "MT0003", "MT0004", "MT0005", "MT0006", "MT0007", "MT0008"], s_ids);

    [Fact]
    public void EveryNotTracedVerdictIsReportedUnderTheIdTheAsyncApiDocumentNames()
    {
        foreach (var reason in Enum.GetValues<MessageTrace.Generator.SkipReason>())
        {
            foreach (var kind in Enum.GetValues<MessageTrace.Generator.CallKind>())
            {
                var skip = new MessageTrace.Generator.NotTraced(kind, reason, MessageTrace.Generator.FixKind.None, MessageTrace.Generator.EquatableArray<string>.Empty);
                Assert.Equal(MessageTrace.Generator.SkipDiagnosticIds.Of(skip), MessageTrace.Analyzers.SkipDiagnostics.DescriptorFor(skip).Id);
            }
        }

        Assert.Equal("MT0001", MessageTrace.Generator.SkipDiagnosticIds.Of(new(MessageTrace.Generator.CallKind.Send, MessageTrace.Generator.SkipReason.OutsideProducerScope, MessageTrace.Generator.FixKind.AddTracedProducer, MessageTrace.Generator.EquatableArray<string>.Empty)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EverySituationOfARuleSharesItsIdentity(string id)
    {
        var variants = s_descriptors.Where(d => d.Id == id).ToList();
        Assert.Single(variants.Select(static d => d.Title.ToString()).Distinct());
        Assert.Single(variants.Select(static d => d.DefaultSeverity).Distinct());
        Assert.All(variants, static d => Assert.Equal("MessageTrace", d.Category));
        Assert.All(variants, static d => Assert.True(d.IsEnabledByDefault));
        Assert.All(variants, d => Assert.Equal("https://github.com/messagetrace/messagetrace/blob/main/docs/diagnostics/" + id + ".md", d.HelpLinkUri));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void MessagesSayWhatIsWrongAndThenWhatToDo(string id) =>
        Assert.All(s_descriptors.Where(d => d.Id == id), static d => Assert.Matches("^[^;]+; .+[^.]$", d.MessageFormat.ToString()));

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRuleHasAHelpPage(string id)
    {
        string page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        string text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": ", text);
        foreach (string section in new[] { "## What it means", "## Why it matters", "## How to fix", "## Example" })
        {
            Assert.Contains(section, text);
        }
    }

    [Fact]
    public void EveryRuleIsTrackedWithItsSeverityAndCategory()
    {
        string release = File.ReadAllText(Path.Combine(RepositoryRoot(), "analyzers", "MessageTrace.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var rows = Regex.Matches(release, @"^(MT\d{4}) \| (\w+) \| (\w+) \|", RegexOptions.Multiline)
            .ToDictionary(static m => m.Groups[1].Value, static m => (Category: m.Groups[2].Value, Severity: m.Groups[3].Value));
        Assert.Equal(s_ids, rows.Keys.OrderBy(static k => k, StringComparer.Ordinal));
        foreach (var descriptor in s_descriptors)
        {
            Assert.Equal((descriptor.Category, descriptor.DefaultSeverity.ToString()), rows[descriptor.Id]);
        }
    }

    [Fact]
    public void CodeFixesFixRulesThatExist()
    {
        var ids = s_descriptors.Select(static d => d.Id).ToHashSet();
        Assert.NotEmpty(AllAnalyzers.CodeFixes);
        Assert.All(AllAnalyzers.CodeFixes, fix => Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids)));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
