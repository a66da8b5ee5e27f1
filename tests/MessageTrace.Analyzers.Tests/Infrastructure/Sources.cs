namespace MessageTrace.Analyzers.Tests.Infrastructure;

/// <summary>Source fragments user code in the tests starts with.</summary>
internal static class Sources
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        """;
}
