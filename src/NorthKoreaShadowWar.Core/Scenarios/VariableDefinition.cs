using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>A number carried through a trial (troops, casualties), starting at <see cref="Initial"/>.</summary>
internal sealed record VariableDefinition(string Name, SourcePosition Position, ExpressionText Initial);
