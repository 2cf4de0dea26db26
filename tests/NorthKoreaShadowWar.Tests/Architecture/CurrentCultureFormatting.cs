using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>
/// Finds, in a compiled assembly, every place that turns a number (or a date, or a value of unknown type) into text,
/// or text into a number, in the current culture: interpolated strings built without a culture
/// (<c>$"{x}"</c> rather than <c>string.Create(CultureInfo.InvariantCulture, $"{x}")</c>), <c>ToString</c>,
/// <c>Parse</c> and <c>TryParse</c> of numbers without a culture or with a null one, <c>string.Format</c>,
/// <c>string.Join</c> and <c>string.Concat</c> of numbers or objects, <c>StringBuilder.Append</c> and
/// <c>TextWriter.Write</c> of numbers or objects, <c>Convert.ToString</c> of a number, and any use of
/// <c>CultureInfo.CurrentCulture</c>. Read from the IL, so lambdas, iterators, async methods and the compiler's
/// lowering of <c>"a" + x</c> are all seen.
/// </summary>
internal static class CurrentCultureFormatting
{
    private const string FormatProvider = "System.IFormatProvider";

    private static readonly HashSet<string> CultureSensitive = new(StringComparer.Ordinal)
    {
        "System.Double", "System.Single", "System.Decimal", "System.Half",
        "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
        "System.Int64", "System.UInt64", "System.Int128", "System.UInt128", "System.IntPtr", "System.UIntPtr",
        "System.Numerics.BigInteger", "System.Numerics.Complex",
        "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly",
        "System.Object", "System.IFormattable", "System.ISpanFormattable",
    };

    private static readonly HashSet<string> Writers = new(StringComparer.Ordinal)
    {
        "System.IO.TextWriter", "System.IO.StreamWriter", "System.IO.StringWriter", "System.Console",
    };

    private static readonly HashSet<string> InterpolationHandlers = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler",
        "System.Text.StringBuilder+AppendInterpolatedStringHandler",
    };

    /// <summary>Each finding as "Type.Method: what it does".</summary>
    public static IReadOnlyList<string> In(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var findings = new List<string>();
        var records = RecordsShownByTheCompiler(reader);
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var owner = SignatureTypeNames.Instance.GetTypeFromDefinition(reader, typeHandle, 0);
            foreach (var methodHandle in reader.GetTypeDefinition(typeHandle).GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0 || IsUnreadRecordDisplay(reader, reader.GetTypeDefinition(typeHandle), method)) continue;
                var where = $"{owner}.{reader.GetString(method.Name)}";
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                findings.AddRange(In(reader, ILInstructions.Of(body), records).Select(problem => $"{where}: {problem}"));
            }
        }
        return findings;
    }

    /// <summary>
    /// The compiler's <c>PrintMembers</c> of a record, when it writes no text a caller reads: the record is internal
    /// (its generated <c>ToString</c> shows it in a debugger; an interpolation or concatenation of it is found as a hole
    /// of the record's type, see <see cref="RecordsShownByTheCompiler"/>), or the record writes its own <c>ToString</c>.
    /// A public record's generated <c>ToString</c> is text a caller reads, so its <c>PrintMembers</c> is checked.
    /// </summary>
    private static bool IsUnreadRecordDisplay(MetadataReader reader, TypeDefinition type, MethodDefinition method) =>
        reader.GetString(method.Name) == "PrintMembers" && IsCompilerGenerated(reader, method)
        && ((type.Attributes & TypeAttributes.VisibilityMask) is not (TypeAttributes.Public or TypeAttributes.NestedPublic)
            || !GeneratesMember(reader, type, "ToString"));

    /// <summary>Whether the compiler wrote <paramref name="type"/>'s method called <paramref name="name"/>.</summary>
    private static bool GeneratesMember(MetadataReader reader, TypeDefinition type, string name) =>
        type.GetMethods().Select(reader.GetMethodDefinition).Any(method => reader.GetString(method.Name) == name && IsCompilerGenerated(reader, method));

    private static bool IsCompilerGenerated(MetadataReader reader, MethodDefinition method) =>
        method.GetCustomAttributes().Any(handle =>
        {
            var constructor = reader.GetCustomAttribute(handle).Constructor;
            var type = constructor.Kind == HandleKind.MemberReference ? reader.GetMemberReference((MemberReferenceHandle)constructor).Parent : default;
            return type.Kind == HandleKind.TypeReference
                && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Name) == "CompilerGeneratedAttribute";
        });

    /// <summary>
    /// The records of the assembly whose <c>ToString</c> and <c>PrintMembers</c> are both the compiler's, which writes
    /// numbers in the current culture.
    /// </summary>
    private static HashSet<string> RecordsShownByTheCompiler(MetadataReader reader) =>
        reader.TypeDefinitions
            .Where(handle => GeneratesMember(reader, reader.GetTypeDefinition(handle), "ToString") && GeneratesMember(reader, reader.GetTypeDefinition(handle), "PrintMembers"))
            .Select(handle => SignatureTypeNames.Instance.GetTypeFromDefinition(reader, handle, 0))
            .ToHashSet(StringComparer.Ordinal);

    private static List<string> In(MetadataReader reader, IEnumerable<ILInstruction> instructions, HashSet<string> records)
    {

        var problems = new List<string>();
        var handlerHasCulture = true;
        var constrained = "";
        var previous = OpCodes.Nop;
        foreach (var instruction in instructions)
        {
            if (instruction.OpCode == OpCodes.Constrained)
            {
                constrained = SignatureTypeNames.Instance.Of(reader, instruction.Token);
                continue;
            }
            if (instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt || instruction.OpCode == OpCodes.Newobj)
            {
                var callee = Callee.Of(reader, instruction.Token);
                if (callee is not null && InterpolationHandlers.Contains(callee.Type) && callee.Name == ".ctor")
                    handlerHasCulture = callee.Parameters.Contains(FormatProvider);
                else if (callee is not null && Problem(callee, handlerHasCulture, constrained, previous == OpCodes.Ldnull, records) is { } problem)
                    problems.Add(problem);
            }
            constrained = "";
            previous = instruction.OpCode;
        }
        return problems;
    }

    private static string? Problem(Callee callee, bool handlerHasCulture, string constrained, bool lastArgumentIsNull, HashSet<string> records)
    {
        bool sensitive(string type) => Sensitive(type) || records.Contains(type);
        bool SensitiveArgument(string parameter) => sensitive(parameter) || ObjectsArgument(parameter);
        var (type, name, parameters, typeArguments) = (callee.Type, callee.Name, callee.Parameters, callee.TypeArguments);
        if (InterpolationHandlers.Contains(type))
        {
            var hole = name == "AppendFormatted" ? (typeArguments.IsEmpty ? parameters[0] : typeArguments[0]) : "";
            return (!handlerHasCulture && sensitive(hole)) || records.Contains(hole)
                ? $"an interpolated string without a culture formats a {hole}" : null;
        }
        if (type == "System.Globalization.CultureInfo" && name is "get_CurrentCulture" or "get_CurrentUICulture")
            return $"reads CultureInfo.{name[4..]}";
        if (parameters.Length > 0 && parameters[^1] == FormatProvider && lastArgumentIsNull)
            return $"{type}.{name} is given a null culture, which means the current one";
        if (parameters.Contains(FormatProvider)) return null;
        var what = $"{type}.{name}({string.Join(", ", parameters)})";
        return (type, name) switch
        {
            (_, "ToString") when sensitive(type) && type != "System.Object" => $"{what} without a culture",
            (_, "Parse" or "TryParse") when Sensitive(type) => $"{what} without a culture",
            ("System.Object", "ToString") when sensitive(constrained) => $"{constrained}.ToString() without a culture",
            ("System.FormattableString", "ToString") => $"{what} without a culture",
            ("System.String", "Format") => $"{what} without a culture",
            ("System.String", "Join" or "Concat") when typeArguments.Any(sensitive) || parameters.Any(SensitiveArgument) =>
                $"{what}{Of(typeArguments)} turns values into text without a culture",
            ("System.Text.StringBuilder", "AppendFormat") => $"{what} without a culture",
            ("System.Text.StringBuilder", "Append" or "Insert" or "AppendJoin") when typeArguments.Any(sensitive) || parameters.Any(SensitiveArgument) =>
                $"{what}{Of(typeArguments)} without a culture",
            (_, "Write" or "WriteLine") when Writers.Contains(type) && parameters.Any(SensitiveArgument) =>
                $"{what} in the writer's culture",
            ("System.Convert", "ToString") when parameters.Length == 1 && sensitive(parameters[0]) => $"{what} without a culture",
            _ => null,
        };
    }

    private static string Of(ImmutableArray<string> typeArguments) => typeArguments.IsEmpty ? "" : $"<{string.Join(", ", typeArguments)}>";

    private static bool ObjectsArgument(string parameter) =>
        parameter is "System.Object[]" or "System.ReadOnlySpan`1<System.Object>" || parameter.StartsWith("System.Collections.Generic.IEnumerable`1<System.Object", StringComparison.Ordinal);

    /// <summary>A type whose text depends on the culture: a number, a date or time, an object, or a generic parameter that may be one.</summary>
    private static bool Sensitive(string type)
    {
        const string nullable = "System.Nullable`1<";
        if (type.StartsWith(nullable, StringComparison.Ordinal)) type = type[nullable.Length..^1];
        return CultureSensitive.Contains(type) || type.StartsWith('!');
    }

    /// <summary>A called method: its declaring type, name, parameter types and, for a generic method, its type arguments.</summary>
    private sealed record Callee(string Type, string Name, ImmutableArray<string> Parameters, ImmutableArray<string> TypeArguments)
    {
        public static Callee? Of(MetadataReader reader, EntityHandle handle)
        {
            var names = SignatureTypeNames.Instance;
            switch (handle.Kind)
            {
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    if (member.GetKind() != MemberReferenceKind.Method || member.Parent.Kind == HandleKind.ModuleReference) return null;
                    var type = member.Parent.Kind == HandleKind.MethodDefinition
                        ? names.Of(reader, reader.GetMethodDefinition((MethodDefinitionHandle)member.Parent).GetDeclaringType())
                        : names.Of(reader, (EntityHandle)member.Parent);
                    return new(type, reader.GetString(member.Name), member.DecodeMethodSignature(names, null).ParameterTypes, []);
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return new(names.Of(reader, method.GetDeclaringType()), reader.GetString(method.Name), method.DecodeSignature(names, null).ParameterTypes, []);
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return Of(reader, specification.Method) is { } generic
                        ? generic with { TypeArguments = specification.DecodeSignature(names, null) }
                        : null;
                default:
                    return null;
            }
        }
    }
}
