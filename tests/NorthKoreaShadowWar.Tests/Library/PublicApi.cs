using System.Reflection;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>An assembly's public surface as sorted lines: each visible type, then its public and protected members.</summary>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<string> Of(Assembly assembly) =>
        assembly.GetExportedTypes()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => new[] { Header(t) }.Concat(Members(t).Order(StringComparer.Ordinal).Select(m => "  " + m)))
            .ToList();

    private static string Header(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : type.IsAbstract && type.IsSealed ? "static class"
            : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
        var bases = new[] { type.BaseType }.Where(b => b is not null && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
            .Concat(type.GetInterfaces()).Select(b => Name(b!)).ToList();
        return $"{kind} {Name(type)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : "")}";
    }

    private static IEnumerable<string> Members(Type type)
    {
        foreach (var member in type.GetMembers(Declared))
        {
            switch (member)
            {
                case ConstructorInfo c when Visible(c):
                    yield return $"constructor({Parameters(c)})";
                    break;
                case MethodInfo m when Visible(m) && !m.IsSpecialName:
                    yield return $"{(m.IsStatic ? "static " : "")}method {Name(m.ReturnType)} {m.Name}({Parameters(m)})";
                    break;
                case PropertyInfo p when (p.GetMethod is { } get && Visible(get)) || (p.SetMethod is { } set && Visible(set)):
                    var index = p.GetIndexParameters();
                    var accessors = (p.GetMethod is { } g && Visible(g) ? "get; " : "") + (p.SetMethod is { } s && Visible(s) ? (IsInit(s) ? "init; " : "set; ") : "");
                    yield return $"{((p.GetMethod ?? p.SetMethod)!.IsStatic ? "static " : "")}property {Name(p.PropertyType)} {p.Name}"
                        + (index.Length > 0 ? $"[{string.Join(", ", index.Select(i => $"{Name(i.ParameterType)} {i.Name}"))}]" : "") + $" {{ {accessors}}}";
                    break;
                case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                    yield return $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}field {Name(f.FieldType)} {f.Name}"
                        + (f.IsLiteral ? $" = {Convert.ToString(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}" : "");
                    break;
                case EventInfo e when e.AddMethod is { } add && Visible(add):
                    yield return $"event {Name(e.EventHandlerType!)} {e.Name}";
                    break;
            }
        }
    }

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            $"{(p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "")}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue is null ? "null" : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : "")}"));

    private static string Name(Type type)
    {
        if (type.IsByRef) return Name(type.GetElementType()!) + "&";
        if (type.IsArray) return Name(type.GetElementType()!) + "[]";
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Name(underlying) + "?";
        if (!type.IsGenericType) return type.FullName ?? type.Name;
        var name = type.GetGenericTypeDefinition().FullName!;
        return $"{name[..name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }
}
