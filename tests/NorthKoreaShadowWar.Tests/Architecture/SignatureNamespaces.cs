using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>
/// Decodes a metadata signature (a field's type, a method's parameters, a generic instantiation) into the full names
/// of the types it mentions, generic arguments and array elements included.
/// </summary>
internal sealed class SignatureNamespaces(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<string>, object?>
{
    public ImmutableArray<string> GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) =>
        [TypeNames.Of(reader, handle)];

    public ImmutableArray<string> GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) =>
        [TypeNames.Of(reader, handle)];

    public ImmutableArray<string> GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType, ImmutableArray<ImmutableArray<string>> typeArguments) =>
        typeArguments.Aggregate(genericType, (all, argument) => all.AddRange(argument));

    public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) =>
        signature.ParameterTypes.Aggregate(signature.ReturnType, (all, parameter) => all.AddRange(parameter));

    public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodifiedType, bool isRequired) => unmodifiedType;

    public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;
    public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;
    public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;
    public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;
    public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;
    public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
    public ImmutableArray<string> GetGenericMethodParameter(object? genericContext, int index) => [];
    public ImmutableArray<string> GetGenericTypeParameter(object? genericContext, int index) => [];
}
