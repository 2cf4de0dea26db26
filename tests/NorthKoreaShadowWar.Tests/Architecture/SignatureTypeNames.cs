using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>
/// Decodes a metadata signature into one readable type name: "System.Double", "System.Nullable`1&lt;System.Int32&gt;",
/// "System.Text.StringBuilder+AppendInterpolatedStringHandler", "System.Object[]"; generic parameters as !0 and !!0.
/// </summary>
internal sealed class SignatureTypeNames : ISignatureTypeProvider<string, object?>
{
    public static readonly SignatureTypeNames Instance = new();

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Void => "System.Void",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => "System." + typeCode,
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var type = reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil
            ? Join(reader.GetString(type.Namespace), reader.GetString(type.Name))
            : GetTypeFromDefinition(reader, declaring, rawTypeKind) + "+" + reader.GetString(type.Name);
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var type = reader.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind) + "+" + reader.GetString(type.Name)
            : Join(reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        $"{genericType}<{string.Join(",", typeArguments)}>";

    public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
    public string GetSZArrayType(string elementType) => elementType + "[]";
    public string GetByReferenceType(string elementType) => elementType + "&";
    public string GetPointerType(string elementType) => elementType + "*";
    public string GetPinnedType(string elementType) => elementType;
    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    /// <summary>The name of the type a type token names.</summary>
    public string Of(MetadataReader reader, EntityHandle type) => type.Kind switch
    {
        HandleKind.TypeDefinition => GetTypeFromDefinition(reader, (TypeDefinitionHandle)type, 0),
        HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)type, 0),
        HandleKind.TypeSpecification => GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)type, 0),
        _ => "",
    };

    private static string Join(string @namespace, string name) => @namespace.Length == 0 ? name : $"{@namespace}.{name}";
}
