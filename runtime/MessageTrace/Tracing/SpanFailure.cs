using System;
using System.Diagnostics;

namespace MessageTrace;

/// <summary>Records failures on messaging spans the semantic-convention way.</summary>
public static class SpanFailure
{
    /// <summary>
    /// Records <paramref name="exception"/>: <c>error.type</c> (the exception's full type name), status
    /// Error with the message, and an <c>exception</c> event. Returns <see langword="false"/> so it can
    /// sit in an exception filter (<c>catch (Exception e) when (SpanFailure.Record(a, e))</c>): the
    /// filter runs before unwinding, so the user's exception continues unchanged, same object and stack.
    /// Never throws.
    /// </summary>
    public static bool Record(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return false;
        }

        try
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(MessagingAttributes.ErrorType, exception.GetType().FullName);
                activity.AddException(exception);
            }
        }
        catch (Exception)
        {
            // Recording must never replace the user's exception.
        }

        return false;
    }

    /// <summary>
    /// Records <paramref name="exception"/> like <see cref="Record"/> and stops the span: for a call
    /// that threw synchronously, where no completion will stop it. Returns <see langword="false"/>.
    /// </summary>
    public static bool RecordAndStop(Activity? activity, Exception exception)
    {
        Record(activity, exception);
        activity?.Stop();
        return false;
    }

    /// <summary>
    /// Records a failure reported as a result rather than an exception, such as a consume result or a
    /// broker status: <c>error.type</c> set to <paramref name="errorType"/>, status Error.
    /// </summary>
    public static void RecordResult(Activity? activity, string errorType)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, errorType);
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(MessagingAttributes.ErrorType, errorType);
        }
    }
}
