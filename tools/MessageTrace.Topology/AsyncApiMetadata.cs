using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MessageTrace.Topology;

/// <summary>
/// Reads the AsyncAPI document MessageTrace's generator compiled into an assembly, as
/// <c>[assembly: AssemblyMetadata("MessageTrace.AsyncApi", json)]</c>, without loading the assembly.
/// </summary>
public static class AsyncApiMetadata
{
    /// <summary>The metadata key the generator writes the document under.</summary>
    public const string Key = "MessageTrace.AsyncApi";

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
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsAssemblyMetadataAttribute(reader, attribute))
            {
                continue;
            }

            // The value blob: prolog 0x0001, then the two string arguments (key, value).
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1)
            {
                continue;
            }

            if (blob.ReadSerializedString() == Key)
            {
                return blob.ReadSerializedString();
            }
        }

        return null;
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => IsName(reader, reader.GetTypeReference((TypeReferenceHandle)type).Namespace, reader.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => IsName(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, reader.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => false,
        };
    }

    private static bool IsName(MetadataReader reader, StringHandle @namespace, StringHandle name) =>
        reader.StringComparer.Equals(@namespace, "System.Reflection") && reader.StringComparer.Equals(name, "AssemblyMetadataAttribute");

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
