using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MessageTrace.Generator.Parsing;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Analyzers;

/// <summary>
/// MT0002 for listener registrations (RocketMQ <c>SetMessageListener</c>). The generator decorates a
/// registered listener when the argument's static type shows that its callback is a [TracedHandler]
/// (<see cref="RegistrationParser.FindTracedCallback"/>). Reported: a static type that hides such a
/// callback (an interface-typed variable while this project has traced listeners of that interface),
/// and a traced callback that generated code cannot call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ListenerRegistrationAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_registrationNames = BrokerCatalog.Profiles
        .SelectMany(static p => p.Registrations.Select(static r => r.MethodName))
        .ToImmutableHashSet(System.StringComparer.Ordinal);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ListenerTypeHidesHandler, Descriptors.HandlerUnreachable);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (s_registrationNames.Count == 0 || !MessageTraceRuntime.IsReferenced(start.Compilation))
            {
                return;
            }

            var state = new State(start.Compilation);
            start.RegisterOperationAction(context => Analyze(context, state), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, State state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!s_registrationNames.Contains(invocation.TargetMethod.Name)
            || OperationMatcher.MatchRegistration(invocation.TargetMethod) is not { } match
            || invocation.Arguments.Length != 1
            || invocation.Syntax is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } syntax
            || invocation.SemanticModel is not { } model)
        {
            return;
        }

        var argumentSyntax = syntax.ArgumentList.Arguments[0];
        var cancellationToken = context.CancellationToken;
        var registration = match.Registration;
        string registrationName = invocation.TargetMethod.Name;
        if (RegistrationParser.FindTracedCallback(model, argumentSyntax.Expression, registration, cancellationToken) is { } callback)
        {
            if (TracedScopes.FindAttribute(callback, KnownNames.TracedHandlerAttribute) is { } attribute
                && state.Reach.Explain(callback.OriginalDefinition, attribute, cancellationToken) is { } verdict)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.HandlerUnreachable,
                    argumentSyntax.GetLocation(),
                    callback.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                    verdict.Reason,
                    "registration",
                    verdict.Advice));
            }

            return;
        }

        var staticType = StaticType(invocation.Arguments[0].Value);
        if (staticType is null || Reveals(staticType, registration))
        {
            return;
        }

        var hidden = state.TracedListeners(registration)
            .Where(listener => staticType is ITypeParameterSymbol || state.Compilation.ClassifyCommonConversion(listener.Type, staticType).IsImplicit)
            .ToList();
        if (hidden.Count == 0)
        {
            return;
        }

        var first = hidden[0];
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.ListenerTypeHidesHandler,
            argumentSyntax.GetLocation(),
            registrationName,
            staticType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            registration.ListenerMethod,
            first.Callback.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            first.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
    }

    private static ITypeSymbol? StaticType(IOperation argument)
    {
        while (argument is IConversionOperation { IsImplicit: true } conversion)
        {
            argument = conversion.Operand;
        }

        return argument.Type;
    }

    /// <summary>
    /// Whether the static type pins down the callback that runs: a struct, a sealed class, or a class
    /// whose implementation of the callback cannot be overridden. Then an untraced callback is simply
    /// an untraced listener, not a traced one in disguise.
    /// </summary>
    private static bool Reveals(ITypeSymbol type, ListenerRegistration registration)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
        {
            return false;
        }

        if (named.IsSealed || named.TypeKind == TypeKind.Struct)
        {
            return true;
        }

        return ListenerCallbacks.Implementation(named, registration) is IMethodSymbol { IsVirtual: false, IsAbstract: false, IsOverride: false } or IMethodSymbol { IsSealed: true };
    }

    /// <summary>Per compilation: the traced listener types of this project, found once per registration kind when first needed.</summary>
    private sealed class State
    {
        private readonly ConcurrentDictionary<string, ImmutableArray<TracedListener>> _listeners = new(System.StringComparer.Ordinal);

        public State(Compilation compilation)
        {
            Compilation = compilation;
            Reach = new HandlerReach(compilation);
        }

        public Compilation Compilation { get; }

        public HandlerReach Reach { get; }

        public ImmutableArray<TracedListener> TracedListeners(ListenerRegistration registration) =>
            _listeners.GetOrAdd(registration.Id, _ => Find(registration));

        private ImmutableArray<TracedListener> Find(ListenerRegistration registration)
        {
            var found = new List<TracedListener>();
            var namespaces = new Stack<INamespaceOrTypeSymbol>();
            namespaces.Push(Compilation.Assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                foreach (var member in namespaces.Pop().GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol container)
                    {
                        namespaces.Push(container);
                    }

                    if (member is INamedTypeSymbol { IsAbstract: false, TypeKind: TypeKind.Class or TypeKind.Struct } type
                        && ListenerCallbacks.Implementation(type, registration) is { } implementation
                        && TracedScopes.FindAttribute(implementation, KnownNames.TracedHandlerAttribute) is not null)
                    {
                        found.Add(new TracedListener(type, implementation));
                    }
                }
            }

            return found
                .OrderBy(static l => l.Type.ToDisplayString(), System.StringComparer.Ordinal)
                .ToImmutableArray();
        }
    }

    private sealed record TracedListener(INamedTypeSymbol Type, IMethodSymbol Callback);
}
