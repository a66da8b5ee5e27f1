using System.Linq;
using MessageTrace.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MessageTrace.Generator.Tests;

/// <summary>
/// Handlers on structs. Every form here must compile without a new error or warning. Static handlers are
/// intercepted, and so are instance handlers a copy of the receiver cannot change: read-only methods and
/// members of read-only structs, and async methods (which run on a copy of the struct anyway); the
/// interceptor takes the receiver by <c>in</c> or <c>ref</c> as the compiler requires. A synchronous
/// handler of a mutable struct is not intercepted (the runtime calls handlers through a static lambda,
/// which would run it on a copy and lose what it changes), and is reported as MT0002 at each call instead
/// (see UnreachableHandlerTests), never emitted broken.
/// </summary>
public sealed class StructHandlerTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        namespace Shop;

        """;

    [Theory]
    [InlineData("public struct S { [TracedHandler] public ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(S s, MessageView v) => s.H(v); }")]
    [InlineData("public record struct S(int X) { [TracedHandler] public Task<ConsumeResult> H(MessageView m) => Task.FromResult(ConsumeResult.SUCCESS); } public static class Calls { public static Task Run(MessageView v) => new S(1).H(v); }")]
    [InlineData("public struct S<T> { [TracedHandler] public ConsumeResult H(MessageView m, T t) => ConsumeResult.SUCCESS; } public sealed class Calls { private readonly S<int> _s; public void Run(MessageView v) => _s.H(v, 1); }")]
    [InlineData("public partial struct S { [TracedHandler] private ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; public ConsumeResult Self(MessageView v) => H(v); }")]
    public void InstanceHandlersOfStructsCompileAndAreLeftToTheDiagnostic(string source)
    {
        var run = GeneratorRun.Run(TestCompilation.Create(Usings + source));
        run.AssertNoProblems();

        Assert.Null(InterceptorOf(run));
    }

    [Theory]
    [InlineData("public ref struct S { [TracedHandler] public static ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(MessageView v) => S.H(v); }")]
    [InlineData("public struct S { [TracedHandler] public static ConsumeResult H(S s, MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(S s, MessageView v) => S.H(s, v); }")]
    [InlineData("public readonly struct S { [TracedHandler] public ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(in S s, MessageView v) => s.H(v); }")]
    [InlineData("public struct S { [TracedHandler] public readonly ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(in S s, MessageView v) => s.H(v); }")]
    [InlineData("public struct S { [TracedHandler] public readonly ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(S s, MessageView v) => s.H(v); }")]
    [InlineData("public readonly record struct S(int X) { [TracedHandler] public ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(MessageView v) => new S(1).H(v); }")]
    [InlineData("public struct S { private int _n; [TracedHandler] public async Task<ConsumeResult> H(MessageView m) { _n++; await Task.Yield(); return ConsumeResult.SUCCESS; } } public static class Calls { public static Task Run(S s, MessageView v) => s.H(v); }")]
    [InlineData("public readonly partial struct S { [TracedHandler] private ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; public ConsumeResult Self(MessageView v) => H(v); }")]
    [InlineData("public readonly struct S<T> { [TracedHandler] public ConsumeResult H(MessageView m, T t) => ConsumeResult.SUCCESS; } public sealed class Calls(S<int> s) { public void Run(MessageView v) => s.H(v, 1); }")]
    public void StaticHandlersAndHandlersACopyCannotChangeCompileAndAreIntercepted(string source)
    {
        var run = GeneratorRun.Run(TestCompilation.Create(Usings + source));
        run.AssertNoProblems();

        Assert.NotNull(InterceptorOf(run));
    }

    private static Microsoft.CodeAnalysis.IMethodSymbol? InterceptorOf(GeneratorRun run)
    {
        var tree = run.Output.SyntaxTrees.First();
        var model = run.Output.GetSemanticModel(tree);
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single(static c => c.ToString().Contains("H(", System.StringComparison.Ordinal));
        return model.GetInterceptorMethod(call);
    }
}
