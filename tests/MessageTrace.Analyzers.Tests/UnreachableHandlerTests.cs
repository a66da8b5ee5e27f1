using System.Threading.Tasks;
using MessageTrace.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static MessageTrace.Analyzers.Tests.Infrastructure.Sources;
using Verify = MessageTrace.Analyzers.Tests.Infrastructure.Verify<MessageTrace.Analyzers.UnreachableHandlerAnalyzer>;

namespace MessageTrace.Analyzers.Tests;

/// <summary>MT0002 for calls of traced handlers that generated code cannot make.</summary>
public sealed class UnreachableHandlerTests
{
    [Fact]
    public Task PrivateHandlerInATypeThatIsNotPartial() => Verify.Analyzer(Usings + """
        public sealed class Billing
        {
            public ConsumeResult Dispatch(MessageView message) => {|#0:Consume(message)|};

            [TracedHandler]
            private ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
        }
        """,
        Verify.Diagnostic(
            Descriptors.HandlerUnreachable,
            0,
            "Billing.Consume(MessageView)",
            "'Consume' is private and 'Billing' is not partial",
            "call",
            "declare 'Billing' and the types containing it partial, or make 'Consume' internal"));

    [Fact]
    public Task SynchronousBatchHandlerOfAMutableStructIsReportedNotSilentlyLeftUntraced() => Verify.Analyzer(Usings + """
        public struct Billing
        {
            public ConsumeResult Dispatch(MessageView[] messages) => {|#0:Consume(messages)|};

            [TracedHandler]
            public ConsumeResult Consume(MessageView[] messages) => ConsumeResult.SUCCESS;
        }
        """,
        Verify.Diagnostic(
            Descriptors.HandlerUnreachable,
            0,
            "Billing.Consume(MessageView[])",
            "it is a synchronous batch handler of mutable struct 'Billing', which the tracing wrapper can only call on a copy",
            "call",
            "mark the method (or the struct) readonly, make it static (taking the struct as a parameter), or move it to a class"));

    [Fact]
    public Task HandlerWithAnOutParameterIsReportedNotSilentlyLeftUntraced() => Verify.Analyzer(Usings + """
        public sealed class Billing
        {
            public ConsumeResult Dispatch(MessageView message) => {|#0:Consume(message, out _)|};

            [TracedHandler]
            public ConsumeResult Consume(MessageView message, out int attempts)
            {
                attempts = 1;
                return ConsumeResult.SUCCESS;
            }
        }
        """,
        Verify.Diagnostic(
            Descriptors.HandlerUnreachable,
            0,
            "Billing.Consume(MessageView, out int)",
            "its parameter 'attempts' is passed by out",
            "call",
            "return the value instead, or pass it in a reference type"));

    [Fact]
    public async Task MessageSaysWhatIsWrongAndWhatToDo()
    {
        var test = new AnalyzerTest<UnreachableHandlerAnalyzer>
        {
            TestCode = Usings + """
                public sealed class Billing
                {
                    public ConsumeResult Dispatch(MessageView message) => {|#0:Consume(message)|};

                    [TracedHandler]
                    private ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("MT0002", DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithMessage("Generated code cannot call [TracedHandler] method 'Billing.Consume(MessageView)' because 'Consume' is private and 'Billing' is not partial, so this call is not traced; declare 'Billing' and the types containing it partial, or make 'Consume' internal"));
        await test.RunAsync();
    }

    [Fact]
    public Task ReachableHandlersAreNotReported() => Verify.Analyzer(Usings + """
        public sealed partial class PartialBilling
        {
            public ConsumeResult Dispatch(MessageView message) => Consume(message) == ConsumeResult.SUCCESS ? Protected(message) : ConsumeResult.FAILURE;

            [TracedHandler]
            private ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;

            [TracedHandler]
            private protected ConsumeResult Protected(MessageView message) => ConsumeResult.SUCCESS;
        }

        public sealed class InternalBilling
        {
            public ConsumeResult Dispatch(MessageView message) => Consume(message);

            [TracedHandler]
            internal ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
        }
        """);

    [Fact]
    public Task PrivateNestedTypeAndFileLocalType() => Verify.Analyzer(Usings + """
        public sealed class Outer
        {
            public ConsumeResult Dispatch(MessageView message) => {|#0:new Inner().Consume(message)|};

            private sealed class Inner
            {
                [TracedHandler]
                public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
            }
        }

        file sealed class Local
        {
            [TracedHandler]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;

            public ConsumeResult Dispatch(MessageView message) => {|#1:Consume(message)|};
        }
        """,
        Verify.Diagnostic(
            Descriptors.HandlerUnreachable,
            0,
            "Outer.Inner.Consume(MessageView)",
            "'Inner' is private and 'Inner' is not partial",
            "call",
            "declare 'Inner' and the types containing it partial, or make 'Inner' internal"),
        Verify.Diagnostic(
            Descriptors.HandlerUnreachable,
            1,
            "Local.Consume(MessageView)",
            "it is declared in file-local type 'Local'",
            "call",
            "move it to a type that is not file-local"));

    [Fact]
    public Task HandlerInAnotherAssembly()
    {
        var test = new AnalyzerTest<UnreachableHandlerAnalyzer>
        {
            TestCode = Usings + """
                public sealed class Dispatcher
                {
                    public ConsumeResult Dispatch(MessageView message) => {|#0:new Library.Billing().Consume(message)|};
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(Libraries.Compile("""
            namespace Library;

            public sealed class Billing
            {
                [MessageTrace.TracedHandler]
                public Org.Apache.Rocketmq.ConsumeResult Consume(Org.Apache.Rocketmq.MessageView message) => Org.Apache.Rocketmq.ConsumeResult.SUCCESS;
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(
            Descriptors.HandlerUnreachable,
            0,
            "Billing.Consume(MessageView)",
            "it is declared in assembly 'Library' and interceptors only reach calls compiled together with the handler",
            "call",
            "mark a method of this project with [TracedHandler] and call that, or make the call from 'Library'"));
        return test.RunAsync();
    }

    [Fact]
    public Task PartialTypesSplitOverFilesAndGenericNestedTypes() => Verify.Analyzer(
        [
            Usings + """
                public sealed partial class Billing
                {
                    [TracedHandler]
                    private ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
                }

                public static class Outer<T>
                {
                    public sealed class Inner<TValue>
                    {
                        [TracedHandler]
                        private ConsumeResult Consume(MessageView message, TValue value) => ConsumeResult.SUCCESS;

                        public ConsumeResult Dispatch(MessageView message, TValue value) => {|#0:Consume(message, value)|};
                    }
                }
                """,
            Usings + """
                public sealed partial class Billing
                {
                    public ConsumeResult Dispatch(MessageView message) => Consume(message);
                }
                """,
        ],
        Verify.Diagnostic(
            Descriptors.HandlerUnreachable,
            0,
            "Outer<T>.Inner<TValue>.Consume(MessageView, TValue)",
            "'Consume' is private and 'Inner' is not partial",
            "call",
            "declare 'Inner' and the types containing it partial, or make 'Consume' internal"));

    [Fact]
    public Task TopLevelStatementsCallingAFileLocalHandler() => Verify.TopLevel(Usings + """
        var result = {|#0:new Local().Consume(null!)|};

        file sealed class Local
        {
            [TracedHandler]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;
        }
        """,
        Verify.Diagnostic(Descriptors.HandlerUnreachable, 0, "Local.Consume(MessageView)", "it is declared in file-local type 'Local'", "call", "move it to a type that is not file-local"));
}
