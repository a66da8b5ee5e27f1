using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MessageTrace.Generator.Parsing;
using MessageTrace.Generator.Profiles;
using MessageTrace.Generator.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MessageTrace.Generator.Topology;

/// <summary>
/// Turns the verdicts the parsers already reached into the operations of the AsyncAPI document: nothing
/// here decides whether a call is traced, it only reads where the call is and what it names.
/// </summary>
internal static class TopologyFacts
{
    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>
    /// Adds what the bind step's verdicts on one call say about the topology: a send (traced, or reported
    /// untraced), a traced receive, or a handler calling a traced producer. Describing a call never fails the
    /// binding: the document is a by-product, and the file keeps its interceptors whatever happens here.
    /// </summary>
    public static void Record(
        ImmutableArray<TopologyOperation>.Builder operations,
        ImmutableArray<TopologyCall>.Builder calls,
        SemanticModel model,
        InvocationExpressionSyntax invocation,
        IMethodSymbol method,
        CallVerdicts verdicts,
        CancellationToken cancellationToken)
    {
        try
        {
            if (verdicts.Send?.Traced is { } send)
            {
                operations.Add(Send(model, invocation, method, send.System, send.Recipe, send.Options, null, cancellationToken));
            }
            else if (verdicts.Send?.Skipped is { Kind: CallKind.Send } skipped && OperationMatcher.MatchSend(method) is { } match)
            {
                operations.Add(Send(model, invocation, method, match.Profile.System, match.Operation.Recipe, null, skipped, cancellationToken));
            }

            if (verdicts.CustomSend is { } custom)
            {
                operations.Add(Send(model, invocation, method, custom.System, custom.Recipe, custom.Options, null, cancellationToken));
            }

            if (verdicts.Consumer is { Operation: ConsumerOperation.Receive } consumer && OperationMatcher.MatchReceive(method) is { } receive)
            {
                operations.Add(Receive(model, invocation, method, consumer, receive.Profile.System, cancellationToken));
            }

            if (verdicts.ProducerCall && HandlerCallingProducer(model, invocation, method, cancellationToken) is { } call)
            {
                calls.Add(call);
            }
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // The call is left out of the document.
        }
    }

    /// <summary>A send call, traced (<paramref name="options"/> set) or reported untraced (<paramref name="skipped"/> set).</summary>
    private static TopologyOperation Send(
        SemanticModel model,
        InvocationExpressionSyntax invocation,
        IMethodSymbol method,
        string system,
        SendRecipe recipe,
        ScopeOptions? options,
        NotTraced? skipped,
        CancellationToken cancellationToken)
    {
        string? destination = options?.Destination;
        if (destination is null && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation)
        {
            destination = SendDestination.Find(operation, recipe, cancellationToken);
        }

        return Create(TopologyAction.Send, options?.System ?? system, destination, null, SentMessageType(method), model, invocation, cancellationToken) with
        {
            DiagnosticId = skipped is null ? null : SkipDiagnosticIds.Of(skipped),
            Untraced = skipped is null ? null : SkipDiagnosticIds.Why(skipped),
        };
    }

    /// <summary>A traced receive call inside a <c>[TracedConsumer]</c> scope.</summary>
    private static TopologyOperation Receive(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, ConsumerSite site, string system, CancellationToken cancellationToken)
    {
        var returned = method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task ? task.TypeArguments[0] : method.ReturnType;
        var message = MessageParameters.ElementType(returned) ?? returned;
        return Create(TopologyAction.Receive, site.Options.System ?? system, site.Options.Destination, site.Options.ConsumerGroup, Display(message), model, invocation, cancellationToken);
    }

    /// <summary>A traced handler, at its declaration: it receives whatever calls or registers it. Null when it cannot be described.</summary>
    public static TopologyOperation? Handler(HandlerModel handler, IMethodSymbol method, SyntaxNode declaration)
    {
        try
        {
            return DescribeHandler(handler, method, declaration);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return null;
        }
    }

    private static TopologyOperation DescribeHandler(HandlerModel handler, IMethodSymbol method, SyntaxNode declaration)
    {
        var parameter = method.Parameters[handler.MessageParameter].Type;
        var message = handler.Arity == MessageArity.Batch ? MessageParameters.ElementType(parameter) ?? parameter : parameter;
        var (file, line, column) = Where(declaration is MethodDeclarationSyntax m ? m.Identifier.GetLocation() : declaration.GetLocation());
        var type = method.ContainingType;
        return new TopologyOperation(
            TopologyAction.Receive,
            handler.Options.System ?? handler.Message.System,
            handler.Options.Destination,
            handler.Options.ConsumerGroup,
            Display(message),
            file,
            line,
            column,
            type?.Name ?? string.Empty,
            MethodName(type, method));
    }

    /// <summary>
    /// The handler and producer of a call, when <paramref name="called"/> is a <c>[TracedProducer]</c> method and
    /// the call is written in a <c>[TracedHandler]</c> method (lambdas inside it count as the handler).
    /// </summary>
    private static TopologyCall? HandlerCallingProducer(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol called, CancellationToken cancellationToken)
    {
        var producer = called.ReducedFrom ?? called;
        if (TracedScopes.FindAttribute(producer, KnownNames.TracedProducerAttribute) is null)
        {
            return null;
        }

        ISymbol? member = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken);
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction })
        {
            member = member.ContainingSymbol;
        }

        return member is IMethodSymbol handler && TracedScopes.FindAttribute(handler, KnownNames.TracedHandlerAttribute) is not null
            ? new TopologyCall(MethodName(handler.ContainingType, handler), MethodName(producer.ContainingType, producer))
            : null;
    }

    private static TopologyOperation Create(
        TopologyAction action,
        string system,
        string? destination,
        string? consumerGroup,
        string messageType,
        SemanticModel model,
        InvocationExpressionSyntax invocation,
        CancellationToken cancellationToken)
    {
        var (file, line, column) = Where(invocation.GetLocation());
        ISymbol? member = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken);
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            member = member.ContainingSymbol;
        }

        var type = member as INamedTypeSymbol ?? member?.ContainingType;
        return new TopologyOperation(action, system, destination, consumerGroup, messageType, file, line, column, type?.Name ?? string.Empty, MethodName(type, member));
    }

    // The path as the compiler has it; made relative to the project when the document is written.
    private static (string File, int Line, int Column) Where(Location location)
    {
        var span = location.GetLineSpan();
        return (span.Path ?? string.Empty, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static string MethodName(INamedTypeSymbol? type, ISymbol? member)
    {
        string typeName = type?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) ?? string.Empty;
        string name = member switch
        {
            IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } => "(top-level statements)",
            IMethodSymbol { MethodKind: MethodKind.Constructor } => "(constructor)",
            IMethodSymbol { AssociatedSymbol: { } property } => property.Name,
            null or INamedTypeSymbol => string.Empty,
            _ => member.Name,
        };
        return name.Length == 0 ? typeName : typeName + "." + name;
    }

    /// <summary>
    /// The message a send carries, as code names it: the parameter the client calls the message, payload,
    /// body or data; otherwise the first argument of a type of its own (a broker message, a user's
    /// envelope), skipping destinations, flags, headers, options, serializers and tokens.
    /// </summary>
    private static string SentMessageType(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name is "message" or "applicationMessage" or "payload" or "body" or "data" or "value" or "msg")
            {
                return Display(parameter.Type);
            }
        }

        ITypeSymbol? fallback = null;
        foreach (var parameter in method.Parameters)
        {
            var type = parameter.Type;
            if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Delegate or TypeKind.Enum or TypeKind.TypeParameter)
            {
                continue;
            }

            fallback ??= type;
            if (type.TypeKind == TypeKind.Interface
                || type.Name is "CancellationToken" or "TimeSpan" or "TopicPartition" or "Partition"
                || type.Name.EndsWith("Headers", System.StringComparison.Ordinal)
                || type.Name.EndsWith("Properties", System.StringComparison.Ordinal)
                || type.Name.EndsWith("Options", System.StringComparison.Ordinal)
                || type.Name.EndsWith("Opts", System.StringComparison.Ordinal))
            {
                continue;
            }

            return Display(type);
        }

        return fallback is null ? method.Name : Display(fallback);
    }

    private static string Display(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_typeFormat);
}
