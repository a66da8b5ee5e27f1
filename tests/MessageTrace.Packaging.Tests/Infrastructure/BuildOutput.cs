using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace MessageTrace.Packaging.Tests.Infrastructure;

/// <summary>Diagnostics in MSBuild console output (<c>file(line,col): warning CODE: text [project]</c>).</summary>
public static partial class BuildOutput
{
    /// <summary>Every distinct line reporting a warning, with a code (CS, IL, NU, MT, NETSDK, ...) or without.</summary>
    public static IReadOnlyList<string> Warnings(ProcessResult result)
        => result.Lines.Where(line => WarningPattern().IsMatch(line)).Distinct().ToList();

    /// <summary>Every distinct line reporting the warning <paramref name="code"/>.</summary>
    public static IReadOnlyList<string> Warnings(ProcessResult result, string code)
        => Warnings(result).Where(line => line.Contains($"warning {code}:", System.StringComparison.Ordinal)).ToList();

    // "warning CODE:" or a bare "warning :", never the "0 Warning(s)" summary.
    [GeneratedRegex(@"(^|[\s:])warning(\s+[A-Za-z]+[0-9]+)?\s*:")]
    private static partial Regex WarningPattern();
}
