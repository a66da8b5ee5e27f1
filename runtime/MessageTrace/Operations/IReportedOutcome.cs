namespace MessageTrace;

/// <summary>
/// An outgoing message whose client reports the send's outcome to a callback instead of returning it
/// (Kafka's <c>Produce</c> with a delivery handler): what the report says about failure.
/// </summary>
/// <typeparam name="TReport">The report the client hands the callback.</typeparam>
public interface IReportedOutcome<in TReport>
{
    /// <summary>The <c>error.type</c> of a report that says the send failed, or null.</summary>
    string? FailureOf(TReport report);
}
