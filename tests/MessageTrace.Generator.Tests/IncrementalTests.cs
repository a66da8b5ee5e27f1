using System.Linq;
using MessageTrace.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MessageTrace.Generator.Tests;

/// <summary>
/// The pipeline caches: an edit that touches no traced code leaves every tracked step Cached or
/// Unchanged, a relevant edit is seen, and no step's output holds a Roslyn object.
/// </summary>
public sealed class IncrementalTests
{
    private const string Traced = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MessageTrace;
        using Org.Apache.Rocketmq;

        namespace Shop;

        public sealed class Publisher(Producer producer)
        {
            [TracedProducer]
            public Task<ISendReceipt> PublishAsync(Message message) => producer.Send(message);

            [TracedProducer]
            public void Post(Dictionary<string, string> headers) => InHouseBus.Post("audit", headers);

            // Not traced: outside every producer scope.
            public Task<ISendReceipt> Untraced(Message message) => producer.Send(message);
        }

        public static class InHouseBus
        {
            public static void Post(string queue, [MessageHeaders] IDictionary<string, string> headers) { }
        }

        public sealed class Billing : IMessageListener
        {
            [TracedHandler(ConsumerGroup = "billing")]
            public ConsumeResult Consume(MessageView message) => ConsumeResult.SUCCESS;

            [TracedHandler(ConsumerGroup = "billing")]
            public Task HandleBatchAsync(List<MessageView> messages) => Task.CompletedTask;

            // Not traced: private in a type that is not partial.
            public ConsumeResult Dispatch(MessageView message) => Hidden(message);

            [TracedHandler]
            private ConsumeResult Hidden(MessageView message) => ConsumeResult.SUCCESS;
        }

        public static class Wiring
        {
            public static void Run(Billing billing, MessageView view, List<MessageView> batch, PushConsumer.Builder builder)
            {
                billing.Consume(view);
                _ = billing.HandleBatchAsync(batch);
                builder.SetMessageListener(billing);
            }

            [TracedConsumer(ConsumerGroup = "billing", TraceSettle = true)]
            public static async Task PollAsync(SimpleConsumer consumer)
            {
                foreach (var view in await consumer.Receive(16, System.TimeSpan.FromSeconds(15)))
                {
                    await consumer.Ack(view);
                }
            }
        }
        """;

    private const string Unrelated = """
        namespace Shop;

        public static class Arithmetic
        {
            public static int Add(int a, int b) => a + b;
        }
        """;

    /// <summary>The steps whose outputs are value models (the others carry the files and the compilation to the bind step).</summary>
    private static readonly string[] s_trackedSteps =
    [
        "DeclarationShapes", "HandlerNames", "ProducerScopeNames", "CallCandidates", "FileCalls", "AllSendSites", "AllHandlerCalls", "Registrations", "AllConsumerSites",
        "TopologySettings", "HandlerTopology", "Topology",
    ];

    [Fact]
    public void EveryTrackedStepProducesOutput()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(("Traced.cs", Traced), ("Unrelated.cs", Unrelated)));
        var steps = run.Result.Results.Single().TrackedSteps;
        foreach (var name in s_trackedSteps.Concat(["Files", "CompilationShape", "SourceFiles"]))
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
        }

        Assert.Empty(run.CompilationProblems().Select(static d => d.ToString()));
        Assert.Equal(4, run.Sources.Length);
    }

    [Fact]
    public void UnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        var compilation = TestCompilation.Create(("Traced.cs", Traced), ("Unrelated.cs", Unrelated));
        var first = GeneratorRun.Run(compilation);

        var unrelatedTree = compilation.SyntaxTrees.Single(static t => t.FilePath == "Unrelated.cs");
        var edited = compilation.ReplaceSyntaxTree(
            unrelatedTree,
            CSharpSyntaxTree.ParseText(Unrelated.Replace("a + b", "b + a + 0"), TestCompilation.ParseOptions, path: "Unrelated.cs"));
        var second = GeneratorRun.Run(edited, first.Driver);

        var steps = second.Result.Results.Single().TrackedSteps;
        foreach (var name in s_trackedSteps)
        {
            foreach (var step in steps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"step {name} was {reason} after an unrelated edit");
                }
            }
        }

        Assert.All(second.Result.Results.Single().TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs),
            static output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output was {output.Reason}"));
    }

    [Fact]
    public void WithTheAsyncApiDocumentOnAnUnrelatedEditLeavesTheDocumentAlone()
    {
        var driver = GeneratorRun.CreateDriver(("MessageTraceAsyncApi", "true"), ("ProjectDir", "/src/"));
        var compilation = TestCompilation.Create(("Traced.cs", Traced), ("Unrelated.cs", Unrelated));
        var first = GeneratorRun.Run(compilation, driver);
        Assert.Contains(first.Sources, static s => s.HintName == "MessageTrace.AsyncApi.g.cs");

        var second = GeneratorRun.Run(Edit(compilation, "Unrelated.cs", Unrelated.Replace("a + b", "b + a + 0")), first.Driver);

        var steps = second.Result.Results.Single().TrackedSteps;
        foreach (var name in new[] { "TopologySettings", "HandlerTopology", "Topology" })
        {
            Assert.All(steps[name].SelectMany(static s => s.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} was {output.Reason}"));
        }

        Assert.All(second.Result.Results.Single().TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs),
            static output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output was {output.Reason}"));
    }

    [Fact]
    public void WithTheAsyncApiDocumentOnANewSendIsInTheDocument()
    {
        var driver = GeneratorRun.CreateDriver(("MessageTraceAsyncApi", "true"), ("ProjectDir", "/src/"));
        var compilation = TestCompilation.Create(("Traced.cs", Traced), ("Unrelated.cs", Unrelated));
        var first = GeneratorRun.Run(compilation, driver);
        Assert.DoesNotContain("audit.extra", first.Sources.Single(static s => s.HintName == "MessageTrace.AsyncApi.g.cs").Text, System.StringComparison.Ordinal);

        string edited = Traced.Replace("InHouseBus.Post(\"audit\", headers);", "InHouseBus.Post(\"audit.extra\", headers);", System.StringComparison.Ordinal);
        Assert.NotEqual(Traced, edited);
        var second = GeneratorRun.Run(Edit(compilation, "Traced.cs", edited), first.Driver);

        Assert.Contains("audit.extra", second.Sources.Single(static s => s.HintName == "MessageTrace.AsyncApi.g.cs").Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void UnrelatedEditBindsTheEditedFileOnly()
    {
        var compilation = TestCompilation.Create(("Traced.cs", Traced), ("Unrelated.cs", Unrelated));
        var first = GeneratorRun.Run(compilation);
        var second = GeneratorRun.Run(Edit(compilation, "Unrelated.cs", Unrelated.Replace("a + b", "b + a + 0")), first.Driver);

        // The edited file is bound again (nothing traced in it, so Unchanged); Traced.cs is not bound at all.
        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged], BindReasons(second));
    }

    [Fact]
    public void BodyEditInATracedFileBindsThatFileOnly()
    {
        var compilation = TestCompilation.Create(("Traced.cs", Traced), ("Unrelated.cs", Unrelated));
        var first = GeneratorRun.Run(compilation);
        string edited = Traced.Replace("=> Task.CompletedTask;", "=> Task.Delay(0);", System.StringComparison.Ordinal);
        Assert.NotEqual(Traced, edited);
        var second = GeneratorRun.Run(Edit(compilation, "Traced.cs", edited), first.Driver);

        // Traced.cs is bound again (its locations carry the file's checksum, so its models changed); Unrelated.cs is not.
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], BindReasons(second));
        second.AssertNoProblems();
    }

    [Fact]
    public void DeclarationEditElsewhereBindsEveryFileAgain()
    {
        // A new member may change what any call binds to (an overload, a shadowing type), so every file is bound again.
        var compilation = TestCompilation.Create(("Traced.cs", Traced), ("Unrelated.cs", Unrelated));
        var first = GeneratorRun.Run(compilation);
        var second = GeneratorRun.Run(Edit(compilation, "Unrelated.cs", Unrelated.Replace("public static int Add", "public static int Sub(int a, int b) => a - b;\n\n    public static int Add")), first.Driver);

        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Unchanged], BindReasons(second));
    }

    [Fact]
    public void ADeclarationElsewhereThatChangesWhatACallBindsToIsSeen()
    {
        // Traced.cs is not edited, yet its call now binds to a new, more specific overload the
        // catalogue does not know: the stale interceptor would not match, so it must go.
        const string producerLike = """
            using System.Threading.Tasks;
            using Org.Apache.Rocketmq;

            namespace Shop;

            public static class Sending
            {
                [MessageTrace.TracedProducer]
                public static Task<ISendReceipt> Publish(Producer producer, Message message) => producer.Send(message);
            }
            """;
        var compilation = TestCompilation.Create(("Traced.cs", producerLike), ("Unrelated.cs", Unrelated));
        var first = GeneratorRun.Run(compilation);
        Assert.Contains(first.Sources, static s => s.HintName == "MessageTrace.RocketMq.Sends.g.cs");

        const string hiding = """
            namespace Shop;

            public static class Producer
            {
            }
            """;
        var second = GeneratorRun.Run(Edit(compilation, "Unrelated.cs", hiding), first.Driver);
        Assert.DoesNotContain(second.Sources, static s => s.HintName == "MessageTrace.RocketMq.Sends.g.cs");
    }

    [Fact]
    public void RelevantEditIsSeen()
    {
        var compilation = TestCompilation.Create(("Traced.cs", Traced), ("Unrelated.cs", Unrelated));
        var first = GeneratorRun.Run(compilation);
        var tracedTree = compilation.SyntaxTrees.Single(static t => t.FilePath == "Traced.cs");
        var edited = compilation.ReplaceSyntaxTree(
            tracedTree,
            CSharpSyntaxTree.ParseText(Traced.Replace("[TracedProducer]", "[TracedProducer(Namespace = \"changed\")]"), TestCompilation.ParseOptions, path: "Traced.cs"));
        var second = GeneratorRun.Run(edited, first.Driver);

        var reasons = second.Result.Results.Single().TrackedSteps["AllSendSites"].SelectMany(static s => s.Outputs).Select(static o => o.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains(second.Sources, static s => s.Text.Contains("\"changed\"", System.StringComparison.Ordinal));
    }

    [Fact]
    public void NoStepOutputHoldsRoslynObjects()
    {
        var run = GeneratorRun.Run(TestCompilation.Create(("Traced.cs", Traced), ("Unrelated.cs", Unrelated)));
        var steps = run.Result.Results.Single().TrackedSteps;
        int walked = 0;
        foreach (var name in s_trackedSteps)
        {
            foreach (var step in steps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    walked++;
                    Assert.Empty(ModelWalker.FindForbidden(value));
                }
            }
        }

        Assert.True(walked >= s_trackedSteps.Length, "the walk saw too few outputs to mean anything");
    }

    [Fact]
    public void VerdictsOnUntracedCallsAreRoslynFreeValuesAndEmitNothing()
    {
        // The parsers' verdicts, traced or not, flow through the pipeline: they must compare by value
        // from one compilation to the next and hold no Roslyn object.
        var first = Verdicts(TestCompilation.Create(("Traced.cs", Traced)));
        var second = Verdicts(TestCompilation.Create(("Traced.cs", Traced)));
        Assert.Equal(first, second);
        Assert.All(first, static verdict => Assert.Empty(ModelWalker.FindForbidden(verdict)));

        var reasons = first.Select(static verdict => verdict switch
            {
                CallVerdict<SendSite> { Skipped: { } skipped } => skipped.Reason.ToString(),
                CallVerdict<HandlerCall> { Skipped: { } skipped } => skipped.Reason.ToString(),
                _ => null,
            })
            .Where(static reason => reason is not null);
        Assert.Equal(["OutsideProducerScope", "HandlerUnreachable"], reasons);

        var run = GeneratorRun.Run(TestCompilation.Create(("Traced.cs", Traced)));
        Assert.DoesNotContain(run.Sources, static s => s.Text.Contains("Hidden", System.StringComparison.Ordinal));
        // The traced send and nothing for the untraced one.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Sources.Single(static s => s.HintName == "MessageTrace.RocketMq.Sends.g.cs").Text, "InterceptsLocation\\(1, "));
    }

    [Fact]
    public void ModelWalkerFindsARoslynObjectHiddenInAModel()
    {
        // The purity check must be able to fail: a record holding a syntax node inside a list is caught.
        var node = CSharpSyntaxTree.ParseText("class C {}").GetRoot();
        var polluted = new { Items = new object[] { "fine", new { Node = node } } };
        Assert.NotEmpty(ModelWalker.FindForbidden(polluted));
    }

    /// <summary>The bind step's run reasons, one per file, in file order.</summary>
    private static IncrementalStepRunReason[] BindReasons(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps["FileCalls"].SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToArray();

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string text) =>
        compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(t => t.FilePath == path),
            CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path: path));

    /// <summary>Every verdict the parsers give on the calls of <paramref name="compilation"/>'s first file, in source order.</summary>
    private static System.Collections.Generic.List<object> Verdicts(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var verdicts = new System.Collections.Generic.List<object>();
        foreach (var call in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>())
        {
            object?[] all =
            [
                Parsing.SendSiteParser.IsCandidate(call) ? Parsing.SendSiteParser.Classify(model, call, default) : null,
                Parsing.ConsumerSiteParser.IsCandidate(call) ? Parsing.ConsumerSiteParser.Classify(model, call, default) : null,
                Parsing.RegistrationParser.IsCandidate(call) ? Parsing.RegistrationParser.Classify(model, call, default) : null,
                Parsing.HandlerCallParser.IsCandidate(call) ? Parsing.HandlerCallParser.Classify(model, call, default) : null,
                Parsing.HandlerCallParser.IsCandidate(call) ? Parsing.CustomSendParser.Classify(model, call, default) : null,
            ];
            verdicts.AddRange(all.OfType<object>());
        }

        return verdicts;
    }
}
