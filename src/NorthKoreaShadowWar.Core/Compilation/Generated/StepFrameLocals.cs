using System.Globalization;
using System.Linq.Expressions;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// The fields of a <see cref="StepFrame"/> as locals of generated code: each loaded once at its start (the JIT drops
/// those it does not use), and those the code changes stored back before it returns.
/// </summary>
internal sealed class StepFrameLocals(ParameterExpression frame)
{
    public readonly ParameterExpression Draws = Local<double[]>(nameof(StepFrame.Draws));
    public readonly ParameterExpression Draw = Local<int>(nameof(StepFrame.Draw));
    public readonly ParameterExpression RandomState0 = Local<ulong>(nameof(StepFrame.RandomState0));
    public readonly ParameterExpression RandomState1 = Local<ulong>(nameof(StepFrame.RandomState1));
    public readonly ParameterExpression Current = Local<int[]>(nameof(StepFrame.Current));
    public readonly ParameterExpression Next = Local<int[]>(nameof(StepFrame.Next));
    public readonly ParameterExpression OccupancyChanges = Local<long[]>(nameof(StepFrame.OccupancyChanges));
    public readonly ParameterExpression Constants = Local<double[]>(nameof(StepFrame.Constants));
    public readonly ParameterExpression Variables = Local<double[]>(nameof(StepFrame.Variables));
    public readonly ParameterExpression ReadVariables = Local<double[]>(nameof(StepFrame.ReadVariables));
    public readonly ParameterExpression RowFlags = Local<int[]>(nameof(StepFrame.RowFlags));
    public readonly ParameterExpression TakenEffects = Local<int[]>(nameof(StepFrame.TakenEffects));
    public readonly ParameterExpression Taken = Local<int>(nameof(StepFrame.Taken));
    public readonly ParameterExpression Flags = Local<int>(nameof(StepFrame.Flags));
    public readonly ParameterExpression Step = Local<int>(nameof(StepFrame.Step));
    public readonly ParameterExpression FirstStep = Local<int[]>(nameof(StepFrame.FirstStep));
    public readonly ParameterExpression Pending = Local<int>(nameof(StepFrame.Pending));
    public readonly ParameterExpression StepsIn = Local<int[]>(nameof(StepFrame.StepsIn));
    public readonly ParameterExpression StepsInHolds = Local<bool[]>(nameof(StepFrame.StepsInHolds));

    public ParameterExpression[] All =>
    [
        Draws, Draw, RandomState0, RandomState1, Current, Next, OccupancyChanges, Constants, Variables, ReadVariables, RowFlags,
        TakenEffects, Taken, Flags, Step, FirstStep, Pending, StepsIn, StepsInHolds,
    ];

    /// <summary>
    /// Trial constant c as generated code reads it: a local of its own, set from <see cref="Constants"/> at the start of
    /// the code (<see cref="ConstantLoads"/>), as the trial constants do not change during a call.
    /// </summary>
    public Expression Constant(int c)
    {
        if (!constants.TryGetValue(c, out var local))
            constants.Add(c, local = Expression.Variable(typeof(double), string.Create(CultureInfo.InvariantCulture, $"constant{c}")));
        return local;
    }

    private readonly SortedDictionary<int, ParameterExpression> constants = [];

    /// <summary>The locals of the trial constants the code reads.</summary>
    public IEnumerable<ParameterExpression> ConstantLocals => constants.Values;

    /// <summary>The locals of the trial constants the code reads, set from <see cref="Constants"/>.</summary>
    public IEnumerable<Expression> ConstantLoads() =>
        constants.Select(pair => Expression.Assign(pair.Value, GeneratedOperations.ReadAt(Constants, Expression.Constant(pair.Key))));

    /// <summary>Every local set from its field.</summary>
    public IEnumerable<Expression> Loads() => All.Select(local => Expression.Assign(local, Expression.Field(frame, local.Name!)));

    /// <summary><paramref name="locals"/> stored back into their fields.</summary>
    public IEnumerable<Expression> Stores(params ParameterExpression[] locals) =>
        locals.Select(local => Expression.Assign(Expression.Field(frame, local.Name!), local));

    /// <summary>Sets field <paramref name="name"/> of the frame to <paramref name="value"/>.</summary>
    public Expression Set(string name, Expression value) => Expression.Assign(Expression.Field(frame, name), value);

    private static ParameterExpression Local<T>(string name) => Expression.Variable(typeof(T), name);
}
