using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MessageTrace.Topology;

/// <summary>
/// Reads the AsyncAPI document MessageTrace's generator compiled into an assembly, the private constant
/// <c>MessageTrace.Generated.MessageTraceAsyncApi.Document</c>, from the assembly's metadata without loading it.
/// </summary>
public static class AsyncApiMetadata
{
    /// <summary>The namespace of the generated type holding the document.</summary>
    public const string Namespace = "MessageTrace.Generated";

    /// <summary>The generated type holding the document.</summary>
    public const string TypeName = "MessageTraceAsyncApi";

    /// <summary>The constant holding the document.</summary>
    public const string FieldName = "Document";

    /// <summary>The document in the assembly at <paramref name="path"/>, or null when it has none.</summary>
    public static string? Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>The document in the assembly image in <paramref name="stream"/>, or null when it has none.</summary>
    public static string? Read(Stream stream)
    {
        using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
        if (!pe.HasMetadata)
        {
            return null;
        }

        var reader = pe.GetMetadataReader();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            if (!reader.StringComparer.Equals(type.Name, TypeName) || !reader.StringComparer.Equals(type.Namespace, Namespace))
            {
                continue;
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                var constantHandle = field.GetDefaultValue();
                if (!reader.StringComparer.Equals(field.Name, FieldName) || constantHandle.IsNil)
                {
                    continue;
                }

                var constant = reader.GetConstant(constantHandle);
                if (constant.TypeCode != ConstantTypeCode.String)
                {
                    continue;
                }

                var blob = reader.GetBlobReader(constant.Value);
                return blob.ReadUTF16(blob.Length);
            }
        }

        return null;
    }

    /// <summary>
    /// Writes the document of <paramref name="assembly"/> to <paramref name="output"/>, leaving the file
    /// with its bytes unchanged when they are the same (only its time moves, so the build step is up to date), and deleting a
    /// stale one when the assembly no longer has a document. Returns whether a document was found.
    /// </summary>
    public static bool Extract(string assembly, string output)
    {
        string? document = Read(assembly);
        if (document is null)
        {
            if (File.Exists(output))
            {
                File.Delete(output);
            }

            return false;
        }

        if (!File.Exists(output) || File.ReadAllText(output) != document)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.WriteAllText(output, document);
        }
        else
        {
            // Same bytes: only the time moves, so the build step is up to date next time.
            File.SetLastWriteTimeUtc(output, DateTime.UtcNow);
        }

        return true;
    }
}
