using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>
/// Which namespace of compiled assemblies uses which, read from their metadata: every type's base type, interfaces,
/// generic constraints, fields, method signatures, properties, events, attributes, and the types, methods and fields
/// its method bodies (locals and instructions) name. Only namespaces under <c>root</c> are kept. Each dependency
/// carries one example of a type that causes it, to say where to look.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly string root;
    private readonly SortedDictionary<string, SortedDictionary<string, string>> uses = new(StringComparer.Ordinal);

    private NamespaceGraph(string root) => this.root = root;

    /// <summary>The namespaces found, each with the namespaces it depends on and, for each, one "A uses B" example.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, string>> Uses => uses;

    public static NamespaceGraph Read(string root, IEnumerable<string> assemblyPaths)
    {
        var graph = new NamespaceGraph(root);
        foreach (var path in assemblyPaths)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            graph.Add(pe);
        }
        return graph;
    }

    /// <summary>Adds an edge by hand; used to show that a cycle is reported.</summary>
    public void Add(string fromType, string toType) => Note(fromType, toType);

    private void Add(PEReader pe)
    {
        var reader = pe.GetMetadataReader();
        var signatures = new SignatureNamespaces(reader);
        foreach (var handle in reader.TypeDefinitions)
        {
            var user = TypeNames.Of(reader, handle);
            foreach (var used in UsedBy(pe, reader, signatures, reader.GetTypeDefinition(handle)))
                Note(user, used);
        }
    }

    private void Note(string user, string used)
    {
        var (from, to) = (TypeNames.NamespaceOf(user), TypeNames.NamespaceOf(used));
        if (!Within(from)) return;
        if (!uses.TryGetValue(from, out var targets)) uses[from] = targets = new(StringComparer.Ordinal);
        if (from != to && Within(to)) targets.TryAdd(to, $"{user} uses {used}");
    }

    private bool Within(string @namespace) => @namespace == root || @namespace.StartsWith(root + ".", StringComparison.Ordinal);

    private static IEnumerable<string> UsedBy(PEReader pe, MetadataReader reader, SignatureNamespaces signatures, TypeDefinition type)
    {
        var used = new List<string>();
        void Entity(EntityHandle handle) => used.AddRange(EntityTypes(reader, signatures, handle));

        if (!type.BaseType.IsNil) Entity(type.BaseType);
        foreach (var implementation in type.GetInterfaceImplementations())
            Entity(reader.GetInterfaceImplementation(implementation).Interface);
        foreach (var parameter in type.GetGenericParameters())
            Constraints(reader, parameter, Entity);
        Attributes(reader, type.GetCustomAttributes(), Entity);
        foreach (var handle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(handle);
            used.AddRange(field.DecodeSignature(signatures, null));
            Attributes(reader, field.GetCustomAttributes(), Entity);
        }
        foreach (var handle in type.GetProperties())
        {
            var property = reader.GetPropertyDefinition(handle);
            var signature = property.DecodeSignature(signatures, null);
            used.AddRange(signature.ReturnType);
            foreach (var parameter in signature.ParameterTypes) used.AddRange(parameter);
            Attributes(reader, property.GetCustomAttributes(), Entity);
        }
        foreach (var handle in type.GetEvents())
            Entity(reader.GetEventDefinition(handle).Type);
        foreach (var handle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(handle);
            var signature = method.DecodeSignature(signatures, null);
            used.AddRange(signature.ReturnType);
            foreach (var parameter in signature.ParameterTypes) used.AddRange(parameter);
            foreach (var parameter in method.GetGenericParameters())
                Constraints(reader, parameter, Entity);
            Attributes(reader, method.GetCustomAttributes(), Entity);
            foreach (var parameter in method.GetParameters())
                Attributes(reader, reader.GetParameter(parameter).GetCustomAttributes(), Entity);
            if (method.RelativeVirtualAddress == 0) continue;
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
                foreach (var local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(signatures, null))
                    used.AddRange(local);
            foreach (var token in ILInstructions.TokensOf(body))
                Entity(token);
        }
        return used;
    }

    private static void Constraints(MetadataReader reader, GenericParameterHandle handle, Action<EntityHandle> entity)
    {
        foreach (var constraint in reader.GetGenericParameter(handle).GetConstraints())
            entity(reader.GetGenericParameterConstraint(constraint).Type);
    }

    private static void Attributes(MetadataReader reader, CustomAttributeHandleCollection attributes, Action<EntityHandle> entity)
    {
        foreach (var attribute in attributes)
            entity(reader.GetCustomAttribute(attribute).Constructor);
    }

    /// <summary>The types a type, member or method instantiation handle names, with those of its signature.</summary>
    private static ImmutableArray<string> EntityTypes(MetadataReader reader, SignatureNamespaces signatures, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return [TypeNames.Of(reader, (TypeDefinitionHandle)handle)];
            case HandleKind.TypeReference:
                return [TypeNames.Of(reader, (TypeReferenceHandle)handle)];
            case HandleKind.TypeSpecification:
                return reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(signatures, null);
            case HandleKind.FieldDefinition:
                return [TypeNames.Of(reader, reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType())];
            case HandleKind.MethodDefinition:
                return [TypeNames.Of(reader, reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType())];
            case HandleKind.MethodSpecification:
                var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                return EntityTypes(reader, signatures, specification.Method)
                    .AddRange(specification.DecodeSignature(signatures, null).SelectMany(argument => argument));
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                var parent = member.Parent.Kind == HandleKind.ModuleReference ? [] : EntityTypes(reader, signatures, (EntityHandle)member.Parent);
                if (member.GetKind() == MemberReferenceKind.Field)
                    return parent.AddRange(member.DecodeFieldSignature(signatures, null));
                var method = member.DecodeMethodSignature(signatures, null);
                return parent.AddRange(method.ReturnType).AddRange(method.ParameterTypes.SelectMany(parameter => parameter));
            default:
                return [];
        }
    }
}
