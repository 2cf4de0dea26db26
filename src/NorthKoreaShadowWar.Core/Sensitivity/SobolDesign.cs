using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// Saltelli's design for first-order and total Sobol indices, with the trial's own chance as one more input.
/// Matrices A and B hold N rows of the k random parameters, each drawn by its quantile function from a uniform;
/// AB_i is A with column i from B. Row j of A runs as trial j and row j of B as trial N + j (the trial number
/// selects the machines' random streams, i.e. the chance); AB_i keeps A's trial number, and AB_chance is A's
/// parameters with B's trial number. Last come the AB_i again, run with B's trial number (AB'_i): with AB_chance they
/// give the total indices of the outcome's expected value, which the way a parameter reshuffles the trial's random
/// numbers cannot inflate. The evaluations are matrix by matrix: A, B, AB_1 .. AB_k, AB_chance, AB'_1 .. AB'_k.
/// </summary>
internal sealed class SobolDesign : IEvaluationDesign
{
    private readonly double[] a;
    private readonly double[] b;
    private readonly int parameters;

    public SobolDesign(CompiledModel model, int samples, ulong seed)
    {
        Samples = samples;
        parameters = model.RandomParameters.Length;
        a = new double[samples * parameters];
        b = new double[samples * parameters];
        var distributions = model.RandomParameters.Select(p => model.ParameterDistributions[p]).ToArray();
        for (var row = 0; row < samples; row++)
        {
            var random = RandomStreams.For(seed, row, RandomStreams.SensitivityDesign);
            for (var i = 0; i < parameters; i++) a[row * parameters + i] = ParameterDraws.QuantileWithin(distributions[i], random.NextDouble());
            for (var i = 0; i < parameters; i++) b[row * parameters + i] = ParameterDraws.QuantileWithin(distributions[i], random.NextDouble());
        }
    }

    /// <summary>N, the rows of each matrix.</summary>
    public int Samples { get; }

    /// <summary>The inputs: the k parameters and chance.</summary>
    public int Inputs => parameters + 1;

    /// <summary>The index of matrix A among the evaluations' matrices.</summary>
    public const int MatrixA = 0;

    /// <summary>The index of matrix B.</summary>
    public const int MatrixB = 1;

    /// <summary>The index of AB for input <paramref name="input"/> (parameter i, or chance as input k).</summary>
    public static int MatrixFor(int input) => 2 + input;

    /// <summary>The index of AB'_i, AB for parameter <paramref name="parameter"/> of <paramref name="parameters"/> run with B's trial numbers.</summary>
    public static int MatrixWithOtherChanceFor(int parameter, int parameters) => 3 + parameters + parameter;

    /// <summary>The matrices of the design: N·(2k + 3) evaluations in all.</summary>
    public static long EvaluationsFor(int samples, int parameters) => (long)samples * (2 * parameters + 3);

    public long Count => EvaluationsFor(Samples, parameters);

    public long TrialOf(long evaluation)
    {
        var (matrix, row) = Math.DivRem(evaluation, Samples);
        return matrix == MatrixB || matrix >= MatrixFor(parameters) ? Samples + row : row;
    }

    public void ParametersOf(long evaluation, Span<double> values)
    {
        var (matrix, rowIndex) = Math.DivRem(evaluation, Samples);
        var row = (int)rowIndex * parameters;
        (matrix == MatrixB ? b : a).AsSpan(row, parameters).CopyTo(values);
        var mixed = (int)matrix - MatrixFor(0);
        if (mixed > parameters) mixed -= parameters + 1;
        if (mixed >= 0 && mixed < parameters) values[mixed] = b[row + mixed];
    }
}
