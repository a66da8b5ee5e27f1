using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>Writes a profile's generated header access struct (for carrier types the runtime cannot reference).</summary>
internal static class HeaderAccessEmitter
{
    public static void Write(SourceWriter writer, GeneratedHeaderAccess access)
    {
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Open($"file readonly struct {access.Name} : global::MessageTrace.IHeaderWriter<{access.CarrierType}>");
        writer.Block(access.Body);
        writer.Close();
    }
}
