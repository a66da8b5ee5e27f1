using System.Linq;
using MessageTrace.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MessageTrace.Generator.Tests;

/// <summary>
/// Handlers on structs. Every form here must compile without a new error or warning, and all but one are
/// intercepted: the interceptor takes the receiver by <c>in</c> (read-only) or <c>ref</c> as the compiler
/// requires; a synchronous handler of a mutable struct gets it to the runtime by reference
/// (<c>TracedStructHandler</c>), a read-only or async one as a copy (which changes nothing for them). An
/// instance handler of a ref struct (it cannot be a type argument) and a synchronous batch handler of a
/// mutable struct (no by-reference entry point) are reported as MT0002 at each call instead (see
/// UnreachableHandlerTests), never emitted broken.
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
    [InlineData("public ref struct S { [TracedHandler] public ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(S s, MessageView v) => s.H(v); }")]
    [InlineData("public readonly ref struct S { [TracedHandler] public ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(S s, MessageView v) => s.H(v); }")]
    [InlineData("public struct S { [TracedHandler] public ConsumeResult H(System.Collections.Generic.IReadOnlyList<MessageView> m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(S s, System.Collections.Generic.IReadOnlyList<MessageView> v) => s.H(v); }")]
    public void RefStructAndSynchronousBatchHandlersOfMutableStructsCompileAndAreLeftToTheDiagnostic(string source)
    {
        var run = GeneratorRun.Run(TestCompilation.Create(Usings + source));
        run.AssertNoProblems();

        Assert.Null(InterceptorOf(run));
    }

    [Theory]
    [InlineData("public ref struct S { [TracedHandler] public static ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(MessageView v) => S.H(v); }")]
    [InlineData("public struct S { [TracedHandler] public static ConsumeResult H(S s, MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(S s, MessageView v) => S.H(s, v); }")]
    [InlineData("public struct S { [TracedHandler] public ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(S s, MessageView v) => s.H(v); }")]
    [InlineData("public record struct S(int X) { [TracedHandler] public Task<ConsumeResult> H(MessageView m) => Task.FromResult(ConsumeResult.SUCCESS); } public static class Calls { public static Task Run(MessageView v) => new S(1).H(v); }")]
    [InlineData("public struct S<T> { [TracedHandler] public ConsumeResult H(MessageView m, T t) => ConsumeResult.SUCCESS; } public sealed class Calls { private S<int> _s; public void Run(MessageView v) => _s.H(v, 1); public void Set(S<int> s) => _s = s; }")]
    [InlineData("public struct S { [TracedHandler] public void H(MessageView m, int a, string b) { } } public static class Calls { public static void Run(ref S s, MessageView v) => s.H(v, 1, \"b\"); }")]
    [InlineData("public partial struct S { [TracedHandler] private ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; public ConsumeResult Self(MessageView v) => H(v); }")]
    [InlineData("public readonly struct S { [TracedHandler] public ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(in S s, MessageView v) => s.H(v); }")]
    [InlineData("public struct S { [TracedHandler] public readonly ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(in S s, MessageView v) => s.H(v); }")]
    [InlineData("public struct S { [TracedHandler] public readonly ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(S s, MessageView v) => s.H(v); }")]
    [InlineData("public readonly record struct S(int X) { [TracedHandler] public ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; } public static class Calls { public static void Run(MessageView v) => new S(1).H(v); }")]
    [InlineData("public struct S { private int _n; [TracedHandler] public async Task<ConsumeResult> H(MessageView m) { _n++; await Task.Yield(); return ConsumeResult.SUCCESS; } } public static class Calls { public static Task Run(S s, MessageView v) => s.H(v); }")]
    [InlineData("public readonly partial struct S { [TracedHandler] private ConsumeResult H(MessageView m) => ConsumeResult.SUCCESS; public ConsumeResult Self(MessageView v) => H(v); }")]
    [InlineData("public readonly struct S<T> { [TracedHandler] public ConsumeResult H(MessageView m, T t) => ConsumeResult.SUCCESS; } public sealed class Calls(S<int> s) { public void Run(MessageView v) => s.H(v, 1); }")]
    public void StaticAndInstanceHandlersOfStructsCompileAndAreIntercepted(string source)
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
