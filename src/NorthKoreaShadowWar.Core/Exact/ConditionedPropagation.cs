using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// Exact propagation conditioned on an evidence file (see docs/updating.md): the joint distribution of the machines'
/// states, together with the <see cref="EvidenceTrackers"/> combination, is propagated step by step and multiplied
/// after each step by the likelihood of that step's observations (forward filtering, normalised each step; the
/// normalisers multiply to the marginal likelihood of the evidence). A backward pass gives, for every state after every
/// step, the likelihood of the evidence still to come; the product of the two, normalised, is the posterior
/// distribution after that step. First steps use the filtered "taboo" distribution of the paths that have not yet met
/// the condition, times the evidence to come; step counts carry the count along to the horizon.
/// </summary>
internal sealed class ConditionedPropagation
{
    /// <summary>The most numbers the likelihoods and the backward pass may keep.</summary>
    public const long MaximumStoredValues = 50_000_000;

    private readonly CompiledModel model;
    private readonly JointStateSpace space;
    private readonly SparseRows forward;
    private readonly SparseRows backward;
    private readonly EvidenceTrackers trackers;
    private readonly int size;
    private readonly int combinations;
    private readonly int horizon;
    /// <summary>The last step with an observation: the evidence still to come is none after it.</summary>
    private readonly int lastObserved;
    private readonly Observation[] ordered;
    /// <summary>What expressions read in each joint state.</summary>
    private readonly ExpressionInputs[] inputs;
    /// <summary>Per step, the likelihood of its observations at (combination × size + state), or null for none.</summary>
    private readonly double[]?[] weights;
    /// <summary>Per step, the sum of the filtered distribution before it was normalised.</summary>
    private readonly double[] normalisers;
    /// <summary>Per step, which combinations the filtered distribution reaches.</summary>
    private readonly bool[][] reached;
    private double[]?[][] evidenceToCome = [];
    /// <summary>Per step, Σ filtered × evidence to come: the normaliser of the posterior after that step.</summary>
    private double[] posteriorTotals = [];
    /// <summary>The joint states at step 0 and their probabilities.</summary>
    private readonly IReadOnlyList<(int State, double Probability)> initial;

    private ConditionedPropagation(CompiledModel model, JointStateSpace space, Matrix<double> transitions, double[] constants, EvidenceFile evidence)
    {
        this.model = model;
        this.space = space;
        forward = new SparseRows(transitions);
        backward = new SparseRows(transitions.Transpose());
        size = space.Size;
        horizon = model.Horizon;
        ordered = evidence.Observations.Select((o, i) => (o, i)).OrderBy(x => x.o.Step).ThenBy(x => x.i).Select(x => x.o).ToArray();
        lastObserved = ordered.Length == 0 ? 0 : ordered[^1].Step;
        inputs = Enumerable.Range(0, size).Select(x => Inputs(constants, x)).ToArray();
        var tracked = ordered.OfType<ConditionObservation>().Where(c => c.Claim is ConditionClaim.FirstHeld or ConditionClaim.NotHeldBy).ToList();
        trackers = new EvidenceTrackers(tracked, tracked.Select(c => inputs.Select(i => ReferenceEvaluator.IsTrue(c.Bound, i)).ToArray()).ToArray());
        combinations = trackers.Combinations;
        if ((long)size * combinations > JointStateSpace.MaximumStates)
            throw new ExactNotPossibleException(
                string.Create(CultureInfo.InvariantCulture, $"{size:N0} joint states times {combinations:N0} combinations of the evidence's first_held and not_held_by observations is more than {JointStateSpace.MaximumStates:N0} (use update)"));
        var steps = ordered.Select(o => o.Step).Distinct().Count();
        if ((long)size * combinations * (steps + lastObserved) > MaximumStoredValues)
            throw new ExactNotPossibleException(
                string.Create(CultureInfo.InvariantCulture, $"conditioning on {ordered.Length} observations over {steps} steps would keep more than {MaximumStoredValues:N0} numbers (use update)"));
        initial = InitialJointDistribution.Of(model, space, constants);
        weights = Weights();
        normalisers = new double[horizon + 1];
        reached = new bool[horizon + 1][];
    }

    /// <summary>The distributions the outcomes need, conditioned on <paramref name="evidence"/>, and the log marginal likelihood of the evidence.</summary>
    /// <exception cref="EvidenceImpossibleException">The evidence has probability zero under the scenario.</exception>
    public static (ExactDistributions Distributions, double LogMarginalLikelihood) Run(
        CompiledModel model, JointStateSpace space, Matrix<double> transitions, double[] constants, EvidenceFile evidence)
    {
        var propagation = new ConditionedPropagation(model, space, transitions, constants, evidence);
        var logZ = propagation.Filter();
        propagation.Smooth();
        var occupancy = propagation.Occupancy();
        var firstSteps = model.FirstStepConditions.Select(c => propagation.FirstSteps(ExactPropagation.Mask(model, space, c, constants))).ToArray();
        var stepsIn = model.StepsInConditions.Select(c => propagation.StepCounts(ExactPropagation.Mask(model, space, c, constants))).ToArray();
        return (new ExactDistributions(firstSteps, stepsIn, occupancy), logZ);
    }

    private ExpressionInputs Inputs(double[] constants, int state)
    {
        var states = new int[model.MachineCount];
        space.Decode(state, states);
        return new ExpressionInputs(constants, new double[model.VariableCount], states);
    }

    /// <summary>The likelihood of each step's observations in every combination and joint state (<see cref="ObservationLikelihood"/>).</summary>
    private double[]?[] Weights()
    {
        var result = new double[]?[horizon + 1];
        foreach (var observation in ordered)
        {
            var step = result[observation.Step] ??= Ones(size * combinations);
            var tracker = trackers.IndexOf(observation);
            for (var k = 0; k < combinations; k++)
            {
                var firstHeld = tracker >= 0 ? trackers.FirstHeldIn(k, tracker) : -1;
                for (var x = 0; x < size; x++) step[k * size + x] *= ObservationLikelihood.Of(observation, inputs[x], firstHeld);
            }
        }
        return result;
    }

    /// <summary>Pass 1: the filtered distributions, their normalisers and the combinations they reach; returns log Z.</summary>
    private double Filter()
    {
        var logZ = 0.0;
        double[]?[] filtered = [];
        for (var t = 0; t <= horizon; t++)
        {
            filtered = t == 0 ? Start(weigh: false) : Step(filtered, t, (layer, state) => Advance(layer, state, t), weigh: false);
            var before = filtered;
            filtered = Copy(before);
            Weigh(filtered, t);
            var total = Total(filtered);
            if (!(total > 0)) throw Impossible(before, t);
            normalisers[t] = total;
            Scale(filtered, 1 / total);
            reached[t] = filtered.Select(layer => layer is not null).ToArray();
            logZ += Math.Log(total);
        }
        return logZ;
    }

    /// <summary>Pass 2: the likelihood of the evidence after step t, for every reached state after step t &lt; the last observed step (scaled per step).</summary>
    private void Smooth()
    {
        evidenceToCome = new double[]?[lastObserved][];
        for (var t = lastObserved - 1; t >= 0; t--)
        {
            var layers = new double[]?[combinations];
            var next = t + 1;
            var sources = new List<double[]>();
            var results = new List<double[]>();
            for (var k = 0; k < combinations; k++)
            {
                if (!reached[t][k]) continue;
                var u = new double[size];
                for (var x = 0; x < size; x++)
                {
                    var target = Advance(k, x, next);
                    u[x] = Weight(next, target, x) * ToCome(next, target, x);
                }
                sources.Add(u);
                results.Add(layers[k] = new double[size]);
            }
            backward.Multiply(sources, results);
            var largest = layers.Where(l => l is not null).Select(l => l!.Max()).DefaultIfEmpty(0).Max();
            if (largest > 0) Scale(layers, 1 / largest);
            evidenceToCome[t] = layers;
        }
    }

    /// <summary>Pass 3: each machine's posterior state distribution after each step; keeps the normalisers.</summary>
    private double[][][] Occupancy()
    {
        var occupancy = model.StateCount.Select(count => Enumerable.Range(0, count).Select(_ => new double[horizon + 1]).ToArray()).ToArray();
        posteriorTotals = new double[horizon + 1];
        var states = new int[model.MachineCount];
        double[]?[] filtered = [];
        for (var t = 0; t <= horizon; t++)
        {
            filtered = t == 0 ? Start() : Step(filtered, t, (layer, state) => Advance(layer, state, t), weigh: true);
            Scale(filtered, 1 / normalisers[t]);
            var byState = new double[size];
            for (var k = 0; k < combinations; k++)
                if (filtered[k] is { } layer)
                    for (var x = 0; x < size; x++) byState[x] += layer[x] * ToCome(t, k, x);
            var total = byState.Sum();
            posteriorTotals[t] = total;
            for (var x = 0; x < size; x++)
            {
                if (byState[x] == 0) continue;
                space.Decode(x, states);
                for (var m = 0; m < states.Length; m++) occupancy[m][states[m]][t] += byState[x] / total;
            }
        }
        return occupancy;
    }

    /// <summary>Pass 4: P(first step = t | evidence) for t = 0..horizon, then P(never | evidence).</summary>
    private double[] FirstSteps(Vector<double> holds)
    {
        var probabilities = new double[horizon + 2];
        double[]?[] notYet = [];
        for (var t = 0; t <= horizon; t++)
        {
            var taboo = t == 0 ? Start() : Step(notYet, t, (layer, state) => Advance(layer, state, t), weigh: true);
            Scale(taboo, 1 / normalisers[t]);
            var first = 0.0;
            for (var k = 0; k < combinations; k++)
                if (taboo[k] is { } layer)
                    for (var x = 0; x < size; x++)
                    {
                        if (holds[x] == 0) continue;
                        first += layer[x] * ToCome(t, k, x);
                        layer[x] = 0;
                    }
            probabilities[t] = first / posteriorTotals[t];
            notYet = taboo;
        }
        probabilities[horizon + 1] = Total(notYet) / posteriorTotals[horizon];
        return probabilities;
    }

    /// <summary>Pass 5: P(the condition holds after exactly n of the steps 1..horizon | evidence), n = 0..horizon.</summary>
    private double[] StepCounts(Vector<double> holds)
    {
        var work = forward.Entries * combinations * (horizon + 1) * horizon;
        if (work > ExactPropagation.MaximumStepCountWork)
            throw new ExactNotPossibleException(
                string.Create(CultureInfo.InvariantCulture, $"a steps_in outcome conditioned on the evidence needs about {work:N0} operations, more than {ExactPropagation.MaximumStepCountWork:N0} (use update)"));
        // Layer k + combinations × n: combination k with the condition held after n of the steps so far.
        var counts = new double[]?[combinations * (horizon + 1)];
        Array.Copy(Start(), counts, combinations);
        Scale(counts, 1 / normalisers[0]);
        for (var t = 1; t <= horizon; t++)
        {
            var step = t;
            counts = Step(counts, t, (layer, state) =>
                Advance(layer % combinations, state, step) + combinations * (layer / combinations + (holds[state] > 0 ? 1 : 0)), weigh: true);
            Scale(counts, 1 / normalisers[t]);
        }
        return Enumerable.Range(0, horizon + 1)
            .Select(n => Enumerable.Range(0, combinations).Sum(k => counts[k + combinations * n]?.Sum() ?? 0) / posteriorTotals[horizon]).ToArray();
    }

    /// <summary>The initial state, with the trackers and (when <paramref name="weigh"/>) the likelihood of the observations at step 0.</summary>
    private double[]?[] Start(bool weigh = true)
    {
        var layers = new double[]?[combinations];
        foreach (var (state, probability) in initial)
            (layers[Advance(0, state, 0)] ??= new double[size])[state] = probability;
        if (weigh) Weigh(layers, 0);
        return layers;
    }

    /// <summary>
    /// One step of <paramref name="from"/>'s layers: each moved by the transition matrix, then each state's mass sent to
    /// the layer <paramref name="target"/> gives it, then, when <paramref name="weigh"/>, weighed by the step's observations.
    /// </summary>
    private double[]?[] Step(double[]?[] from, int t, Func<int, int, int> target, bool weigh)
    {
        var next = new double[]?[from.Length];
        var layers = Enumerable.Range(0, from.Length).Where(layer => from[layer] is not null).ToArray();
        var moved = layers.Select(_ => new double[size]).ToArray();
        forward.Multiply(layers.Select(layer => from[layer]!).ToArray(), moved);
        for (var i = 0; i < layers.Length; i++)
        {
            var layer = layers[i];
            for (var x = 0; x < size; x++)
            {
                var mass = moved[i][x];
                if (mass == 0) continue;
                (next[target(layer, x)] ??= new double[size])[x] += mass;
            }
        }
        if (weigh) Weigh(next, t);
        return next;
    }

    private int Advance(int combination, int state, int step) => trackers.Active(step) ? trackers.Advance(combination, state, step) : combination;

    /// <summary>Multiplies each layer by the likelihood of step <paramref name="t"/>'s observations (layer k + combinations × n uses combination k's).</summary>
    private void Weigh(double[]?[] layers, int t)
    {
        if (weights[t] is not { } w) return;
        for (var layer = 0; layer < layers.Length; layer++)
            if (layers[layer] is { } values)
            {
                var at = layer % combinations * size;
                for (var x = 0; x < size; x++) values[x] *= w[at + x];
            }
    }

    private double Weight(int t, int combination, int state) => weights[t] is { } w ? w[combination * size + state] : 1;

    /// <summary>The (scaled) likelihood of the evidence after step <paramref name="t"/> given the state after it.</summary>
    private double ToCome(int t, int combination, int state) =>
        t >= lastObserved ? 1 : evidenceToCome[t][combination] is { } layer ? layer[state] : 0;

    /// <summary>The evidence is impossible: names the first observation of step <paramref name="t"/> that leaves no probability.</summary>
    private EvidenceImpossibleException Impossible(double[]?[] before, int t)
    {
        var remaining = Copy(before);
        foreach (var observation in ordered.Where(o => o.Step == t))
        {
            var tracker = trackers.IndexOf(observation);
            for (var k = 0; k < combinations; k++)
                if (remaining[k] is { } layer)
                    for (var x = 0; x < size; x++)
                        layer[x] *= ObservationLikelihood.Of(observation, inputs[x], tracker >= 0 ? trackers.FirstHeldIn(k, tracker) : -1);
            if (!(Total(remaining) > 0)) return EvidenceImpossibleException.Exact(observation);
        }
        return EvidenceImpossibleException.Exact(ordered.Last(o => o.Step == t));
    }

    private static double[] Ones(int length)
    {
        var ones = new double[length];
        Array.Fill(ones, 1.0);
        return ones;
    }

    private static double[]?[] Copy(double[]?[] layers) => layers.Select(l => (double[]?)l?.Clone()).ToArray();

    private static double Total(double[]?[] layers) => layers.Sum(l => l?.Sum() ?? 0);

    private static void Scale(double[]?[] layers, double factor)
    {
        foreach (var layer in layers)
            if (layer is not null)
                for (var x = 0; x < layer.Length; x++) layer[x] *= factor;
    }
}
