using System;
using System.Collections.Generic;
using System.Globalization;

namespace OrderPipeline;

public enum BrokerKind
{
    Mqtt,
    Nats,
    RabbitMq,
    Kafka,
}

/// <summary>The command line of the sample.</summary>
public sealed record PipelineOptions
{
    public const string Usage = """
        Usage: dotnet run --project samples/OrderPipeline -- [options]

        Runs orders through order service -> billing -> shipping on a message broker, traced by
        MessageTrace's [TracedProducer] and [TracedHandler], and draws the finished traces.

        Options:
          --messages N          send N orders (default 1) with a progress bar; every 5th order has an
                                invalid amount: billing fails twice and it is parked on orders.dead
          --invalid             give order #1 an invalid amount as well (shows the error path in a default run)
          --json                print one JSON object per finished span per line on stdout, nothing else
                                (logs, progress and the summary go to stderr)
          --broker B            mqtt (default: an embedded MQTTnet server), nats, rabbitmq, or kafka
                                (librdkafka's mock cluster, in process: nothing to install)
          --nats-url URL        NATS server for --broker nats (default $NATS_URL or nats://127.0.0.1:4222)
          --rabbitmq URI        RabbitMQ broker for --broker rabbitmq
                                (default $RABBITMQ_URI or amqp://guest:guest@127.0.0.1:5672/)
          --timeout SECONDS     deadline for publishing and for all spans to arrive (default 60)
          --topology            print the pipeline's messaging map for the chosen broker instead of running
                                it: the AsyncAPI document MessageTrace wrote at build time, drawn in the
                                terminal and as a Mermaid flowchart, with its gaps
          -h, --help            show this help

        Environment:
          OTEL_EXPORTER_OTLP_ENDPOINT   also export the spans over OTLP (e.g. to the Aspire dashboard)
          OTEL_SERVICE_NAME             service name of the exported spans (default OrderPipeline)

        Exit code: 0 when every expected span arrived, 1 when the broker failed or the deadline passed,
        2 for a bad command line.
        """;

    public int Messages { get; init; } = 1;

    public bool MessagesGiven { get; init; }

    public bool FirstOrderInvalid { get; init; }

    public bool Json { get; init; }

    public BrokerKind Broker { get; init; } = BrokerKind.Mqtt;

    public string NatsUrl { get; init; } = "nats://127.0.0.1:4222";

    public string RabbitMqUri { get; init; } = "amqp://guest:guest@127.0.0.1:5672/";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public bool Help { get; init; }

    public bool Topology { get; init; }

    /// <summary>Every <see cref="InvalidEvery"/>-th order (5th, 10th, ...) has an invalid amount.</summary>
    public const int InvalidEvery = 5;

    public static bool TryParse(IReadOnlyList<string> args, out PipelineOptions options, out string? error)
    {
        options = new PipelineOptions
        {
            NatsUrl = NonEmpty(Environment.GetEnvironmentVariable("NATS_URL")) ?? "nats://127.0.0.1:4222",
            RabbitMqUri = NonEmpty(Environment.GetEnvironmentVariable("RABBITMQ_URI")) ?? "amqp://guest:guest@127.0.0.1:5672/",
        };
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                value = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    options = options with { Help = true };
                    break;
                case "--json":
                    options = options with { Json = true };
                    break;
                case "--topology":
                    options = options with { Topology = true };
                    break;
                case "--invalid":
                    options = options with { FirstOrderInvalid = true };
                    break;
                case "--messages":
                    if (!TryValue(ref i, ref value, out error) || !TryPositive(value!, arg, out var messages, out error))
                    {
                        return false;
                    }

                    options = options with { Messages = messages, MessagesGiven = true };
                    break;
                case "--timeout":
                    if (!TryValue(ref i, ref value, out error) || !TryPositive(value!, arg, out var seconds, out error))
                    {
                        return false;
                    }

                    options = options with { Timeout = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--broker":
                    if (!TryValue(ref i, ref value, out error))
                    {
                        return false;
                    }

                    switch (value!.ToLowerInvariant())
                    {
                        case "mqtt":
                            options = options with { Broker = BrokerKind.Mqtt };
                            break;
                        case "nats":
                            options = options with { Broker = BrokerKind.Nats };
                            break;
                        case "rabbitmq" or "rabbit":
                            options = options with { Broker = BrokerKind.RabbitMq };
                            break;
                        case "kafka":
                            options = options with { Broker = BrokerKind.Kafka };
                            break;
                        default:
                            error = $"--broker: unknown broker '{value}' (mqtt, nats, rabbitmq or kafka)";
                            return false;
                    }

                    break;
                case "--nats-url":
                    if (!TryValue(ref i, ref value, out error))
                    {
                        return false;
                    }

                    options = options with { NatsUrl = value! };
                    break;
                case "--rabbitmq":
                    if (!TryValue(ref i, ref value, out error))
                    {
                        return false;
                    }

                    options = options with { RabbitMqUri = value! };
                    break;
                default:
                    error = $"unknown option '{args[i]}'";
                    return false;
            }
        }

        return true;

        bool TryValue(ref int index, ref string? inline, out string? problem)
        {
            problem = null;
            if (inline is not null)
            {
                return true;
            }

            if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{args[index]} needs a value";
                return false;
            }

            inline = args[++index];
            return true;
        }
    }

    private static bool TryPositive(string text, string option, out int value, out string? error)
    {
        error = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0)
        {
            return true;
        }

        error = $"{option}: '{text}' is not a positive whole number";
        return false;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
