using System;
using System.Collections.Generic;
using OrderPipeline.Domain;
using Spectre.Console;

namespace OrderPipeline.Output;

/// <summary>The closing summary: messages, spans, traces, errors.</summary>
public sealed record RunSummary(
    BrokerKind Broker,
    string BrokerDescription,
    int Orders,
    int InvalidOrders,
    PipelineLedger Ledger,
    int Spans,
    int ExpectedSpans,
    int Traces,
    int ErrorSpans,
    TimeSpan Elapsed)
{
    public void Render(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]summary[/]");
        table.AddColumn("");
        table.AddColumn(new TableColumn("").RightAligned());
        table.AddColumn("");
        table.HideHeaders();
        table.AddRow("broker", Broker.ToString().ToLowerInvariant(), Markup.Escape(BrokerDescription));
        var notes = new List<string>();
        if (Ledger.Published != Orders)
        {
            notes.Add($"[red]of {Orders} planned[/]");
        }

        if (InvalidOrders > 0)
        {
            notes.Add($"{InvalidOrders} with an invalid amount");
        }

        table.AddRow("orders sent", Ledger.Published.ToString(), string.Join("; ", notes));
        table.AddRow("invoices sent", Ledger.Invoiced.ToString(), "");
        table.AddRow("orders shipped", Ledger.Shipped.ToString(), "");
        table.AddRow("orders parked", Ledger.Parked.ToString(), Ledger.Parked == 0 ? "" : "on orders.dead after a failed attempt and a failed retry");
        table.AddRow("messages", (Ledger.Published + Ledger.Invoiced + Ledger.Parked).ToString(), "orders + invoices + parked");
        table.AddRow("spans", Spans.ToString(), Spans == ExpectedSpans ? "all expected spans ended" : $"[red]{ExpectedSpans} expected[/]");
        table.AddRow("traces", Traces.ToString(), "one per order, plus one per parked order's send orders.dead");
        table.AddRow("errors", ErrorSpans == 0 ? "0" : $"[red]{ErrorSpans}[/]", ErrorSpans == 0 ? "" : $"failed billing attempts ({Ledger.FailedAttempts} counted by billing's subscription)");
        table.AddRow("elapsed", Waterfall.FormatDuration(Elapsed), "");
        console.Write(table);
    }
}
