using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace MessageTrace.Analyzers.Tests.Infrastructure;

/// <summary>Parse options as a consuming project has them: latest C#, interceptors admitted in the generated namespace.</summary>
internal static class ParseOptionsFor
{
    public const string GeneratedNamespace = "MessageTrace.Generated";

    public static CSharpParseOptions Project(CSharpParseOptions options, IEnumerable<KeyValuePair<string, string>>? features) =>
        options
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithFeatures(features ?? [new KeyValuePair<string, string>("InterceptorsNamespaces", GeneratedNamespace)]);
}
