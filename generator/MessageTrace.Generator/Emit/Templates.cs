namespace MessageTrace.Generator.Emit;

/// <summary>Fills the catalogue's expression templates.</summary>
internal static class Templates
{
    public static string Message(string template, string message) => template.Replace("{m}", message);

    public static string Result(string template, string result) => template.Replace("{r}", result);
}
