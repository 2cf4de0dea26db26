namespace NorthKoreaShadowWar.Expressions;

/// <summary>Which kinds of name an expression may read where it is written.</summary>
[Flags]
internal enum NameUse
{
    Parameters = 1,
    Variables = 2,
    Machines = 4,
    All = Parameters | Variables | Machines,
}

/// <summary>The names of a scenario that expressions can refer to, with their indices.</summary>
internal sealed class SymbolTable
{
    public Dictionary<string, int> Parameters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Variables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Machines { get; } = new(StringComparer.Ordinal);

    /// <summary>For each machine (by index), its states by name.</summary>
    public List<Dictionary<string, int>> States { get; } = [];

    public IEnumerable<string> NamesFor(NameUse use) =>
        ((use & NameUse.Parameters) != 0 ? Parameters.Keys : Enumerable.Empty<string>())
        .Concat((use & NameUse.Variables) != 0 ? Variables.Keys : Enumerable.Empty<string>())
        .Concat((use & NameUse.Machines) != 0 ? Machines.Keys : Enumerable.Empty<string>());
}
