using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OrderPipeline.Telemetry;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrderPipeline.Output;

/// <summary>
/// Draws traces as waterfall trees with Spectre.Console: one <see cref="Tree"/> per trace, one row per
/// span (name, kind, duration, a bar placed on the trace's timeline, key attributes, links), errors marked
/// and their exception events drawn under the failed span.
/// </summary>
public static class Waterfall
{
    private const int BarWidth = 24;
    private const int Indent = 4; // what a Tree level adds in front of a node

    // Shown in the span name or kind column, or identical on every span: not repeated per row.
    private static readonly HashSet<string> s_hidden = new(StringComparer.Ordinal)
    {
        "messaging.system",
        "messaging.operation.name",
        "messaging.operation.type",
        "messaging.destination.name",
        "messaging.consumer.group.name",
        "error.type",
        "messaging.rabbitmq.message.delivery_tag",
    };

    /// <param name="console">Where to draw.</param>
    /// <param name="trace">The trace.</param>
    /// <param name="heading">What the trace is, e.g. "order #1".</param>
    /// <param name="knownSpans">Every span of the run by id, to name the targets of links.</param>
    public static void Render(IAnsiConsole console, TraceView trace, string heading, IReadOnlyDictionary<string, SpanRecord> knownSpans)
    {
        var unicode = console.Profile.Capabilities.Unicode;
        var system = trace.Spans.Select(span => span.Attribute("messaging.system") as string).FirstOrDefault(value => value is not null);
        var label = new Markup(
            $"[bold]{Markup.Escape(heading)}[/]  [grey]trace[/] {trace.TraceId}  [grey]{trace.Spans.Count} span{(trace.Spans.Count == 1 ? "" : "s")} · {FormatDuration(trace.Duration)}"
            + (system is null ? "" : $" · messaging.system={Markup.Escape(system)}") + "[/]");
        var tree = new Tree(label).Guide(unicode ? TreeGuide.Line : TreeGuide.Ascii);

        var widest = 0;
        foreach (var root in trace.Roots)
        {
            Measure(root, 1);
        }

        var nameWidth = Math.Max(widest + 1, 18);
        foreach (var root in trace.Roots)
        {
            Add(tree.AddNode(Row(root, 1)), root, 2);
        }

        console.Write(tree);
        console.WriteLine();

        void Measure(SpanRecord span, int depth)
        {
            widest = Math.Max(widest, (depth * Indent) + NameText(span, unicode).Length);
            foreach (var child in trace.ChildrenOf(span))
            {
                Measure(child, depth + 1);
            }
        }

        void Add(TreeNode node, SpanRecord span, int depth)
        {
            // The span's events (the exception a failed handler threw) first, as leaves under it.
            foreach (var e in span.Events)
            {
                node.AddNode(new Markup(EventText(e, unicode)));
            }

            foreach (var child in trace.ChildrenOf(span))
            {
                Add(node.AddNode(Row(child, depth)), child, depth + 1);
            }
        }

        IRenderable Row(SpanRecord span, int depth)
        {
            var grid = new Grid();
            grid.AddColumn(new GridColumn().Width(nameWidth - (depth * Indent)).NoWrap().PadRight(1));
            grid.AddColumn(new GridColumn().Width(8).NoWrap().PadRight(1));
            grid.AddColumn(new GridColumn().Width(9).RightAligned().NoWrap().PadRight(2));
            grid.AddColumn(new GridColumn().Width(BarWidth).NoWrap().PadRight(2));
            grid.AddColumn(new GridColumn().PadRight(0));
            var color = span.IsError ? "red" : span.Kind == System.Diagnostics.ActivityKind.Producer ? "deepskyblue1" : "green";
            grid.AddRow(
                new Markup($"[{color}]{Markup.Escape(NameText(span, unicode))}[/]"),
                new Markup($"[grey]{Kind(span)}[/]"),
                new Markup(FormatDuration(span.Duration)),
                new Markup(Bar(span, trace, color, unicode)),
                new Markup(Details(span, knownSpans, unicode)));
            return grid;
        }
    }

    /// <summary>The legend printed under the traces.</summary>
    public static void RenderLegend(IAnsiConsole console)
    {
        var unicode = console.Profile.Capabilities.Unicode;
        console.MarkupLine(
            $"[grey]{(unicode ? "✗" : "x")} error (its exception event below it)   "
            + $"{LinkMark(unicode)} link to the message's creation context; (parent): also the parent span[/]");
    }

    private static string NameText(SpanRecord span, bool unicode) => span.IsError ? $"{span.Name} {(unicode ? "✗" : "x")}" : span.Name;

    private static string Kind(SpanRecord span) => span.Kind.ToString().ToLowerInvariant();

    private static string LinkMark(bool unicode) => unicode ? "⇢" : "->";

    /// <summary>The span's bar on the trace's timeline: offset by its start, as long as its duration (at least one cell).</summary>
    private static string Bar(SpanRecord span, TraceView trace, string color, bool unicode)
    {
        var total = Math.Max(trace.Duration.Ticks, 1);
        var offset = (int)Math.Round((span.Start - trace.Start).Ticks * (double)BarWidth / total);
        var width = Math.Max(1, (int)Math.Round(span.Duration.Ticks * (double)BarWidth / total));
        offset = Math.Clamp(offset, 0, BarWidth - 1);
        width = Math.Min(width, BarWidth - offset);
        var fill = unicode ? '━' : '=';
        var space = unicode ? '·' : '.';
        return $"[grey23]{new string(space, offset)}[/][{color}]{new string(fill, width)}[/][grey23]{new string(space, BarWidth - offset - width)}[/]";
    }

    private static string Details(SpanRecord span, IReadOnlyDictionary<string, SpanRecord> knownSpans, bool unicode)
    {
        var parts = new List<string>();
        if (span.Attribute("messaging.consumer.group.name") is string group)
        {
            parts.Add($"[grey]group=[/]{Markup.Escape(group)}");
        }

        foreach (var link in span.Links)
        {
            var target = knownSpans.TryGetValue(link.SpanId, out var linked) ? linked.Name : "span " + link.SpanId;
            var where = link.SpanId == span.ParentSpanId ? " (parent)"
                : link.TraceId == span.TraceId ? ""
                : $" in trace {link.TraceId[..8]}…";
            parts.Add($"[blue]{LinkMark(unicode)} {Markup.Escape(target)}{Markup.Escape(where)}[/]");
        }

        var destination = span.Attribute("messaging.destination.name") as string;
        foreach (var (key, value) in span.Attributes)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (s_hidden.Contains(key) || text is null || (key.EndsWith(".routing_key", StringComparison.Ordinal) && text == destination))
            {
                continue;
            }

            var shortKey = key[(key.LastIndexOf('.') + 1)..];
            parts.Add($"[grey]{Markup.Escape(shortKey)}=[/]{Markup.Escape(text)}");
        }

        return string.Join("  ", parts);
    }

    private static string EventText(SpanEvent e, bool unicode)
    {
        if (e.Name != "exception")
        {
            return $"[grey]{(unicode ? "•" : "*")} {Markup.Escape(e.Name)}[/]";
        }

        var type = e.Attributes.FirstOrDefault(tag => tag.Key == "exception.type").Value as string ?? "exception";
        var message = e.Attributes.FirstOrDefault(tag => tag.Key == "exception.message").Value as string ?? "";
        return $"[red]{(unicode ? "✗" : "x")} exception {Markup.Escape(type[(type.LastIndexOf('.') + 1)..])}: {Markup.Escape(message)}[/]";
    }

    public static string FormatDuration(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        return ms switch
        {
            < 10 => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
            < 1000 => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
            _ => duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s",
        };
    }
}
