namespace NorthKoreaShadowWar.Compilation;

/// <summary>How the next state is chosen from one state of one machine.</summary>
internal enum RowKind : byte
{
    /// <summary>No transitions leave this state: the machine stays, and draws no random number.</summary>
    Stay,
    /// <summary>Guards and multipliers read only machine states: cumulative bounds are looked up in a table.</summary>
    Table,
    /// <summary>Something reads a variable: probabilities are computed every step.</summary>
    Dynamic,
}
