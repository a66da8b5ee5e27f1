using System.Diagnostics;

namespace MessageTrace.Runtime.Tests;

/// <summary>
/// A started Activity that belongs to no listener-visible source, so span helpers can be tested in
/// parallel without an ActivityListener. Starting it does not leave it current for the test.
/// </summary>
internal static class StandaloneActivity
{
    public static Activity Start(string name = "operation")
    {
        var previous = Activity.Current;
        var activity = new Activity(name);
        activity.SetIdFormat(ActivityIdFormat.W3C);
        activity.Start();
        Activity.Current = previous;
        return activity;
    }
}
