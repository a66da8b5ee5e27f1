using MessageTrace;
using MessageTrace.RocketMq.Tests.Producers;

// The project's only assembly-wide MessageTrace defaults (the attribute allows one per assembly: add
// further defaults here rather than declaring a second one). It applies to every traced producer and
// handler of this test assembly that does not set the option itself. Only the namespace is set, so
// that the producer tests can check the "assembly default when the method sets none" rule.
[assembly: MessageTraceDefaults(Namespace = AssemblyDefaults.Namespace)]

namespace MessageTrace.RocketMq.Tests.Producers;

/// <summary>The values given to the assembly's <see cref="MessageTraceDefaultsAttribute"/>.</summary>
public static class AssemblyDefaults
{
    public const string Namespace = "tests-default-ns";
}
