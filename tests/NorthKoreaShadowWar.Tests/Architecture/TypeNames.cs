using System.Reflection.Metadata;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>
/// Full names of the types an assembly defines or refers to, as "Namespace.Type". A nested type (a closure, an
/// iterator, a private helper) is named after its outermost declaring type, whose namespace it shares.
/// </summary>
internal static class TypeNames
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? Join(reader.GetString(type.Namespace), reader.GetString(type.Name)) : Of(reader, declaring);
    }

    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? Of(reader, (TypeReferenceHandle)type.ResolutionScope)
            : Join(reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    /// <summary>The namespace of a full name made by <see cref="Of(MetadataReader, TypeDefinitionHandle)"/>.</summary>
    public static string NamespaceOf(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        return dot < 0 ? "" : fullName[..dot];
    }

    private static string Join(string @namespace, string name) => @namespace.Length == 0 ? name : $"{@namespace}.{name}";
}
