using NorthKoreaShadowWar.Randomness;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Derives every random stream from (seed, trial, stream): trial i sees the same numbers whatever thread
/// or shard runs it, so results do not depend on the thread count. Stream 0 drives the machines; stream
/// 1 + k draws parameter k, so changing one parameter's distribution leaves the others' draws unchanged.
/// </summary>
internal static class RandomStreams
{
    /// <summary>The stream that drives the machines' transitions.</summary>
    public const int Transitions = 0;

    /// <summary>The stream that draws row <c>trial</c> of a sensitivity design's parameter matrices (never used by a trial).</summary>
    public const int SensitivityDesign = -1;

    /// <summary>The stream that draws bootstrap resample <c>trial</c> of a sensitivity analysis (never used by a trial).</summary>
    public const int SensitivityBootstrap = -2;

    /// <summary>The stream that drives a particle's transitions in generation <paramref name="generation"/> of an update (never used by a trial of a run).</summary>
    public static int ForGeneration(int generation) => -1000 - generation;

    /// <summary>
    /// The streams of move <paramref name="sweep"/> (below 1,000) of a particle after generation <paramref name="generation"/>
    /// of an update: the proposal's step and acceptance (<paramref name="path"/> false) and its fresh path (true). Never
    /// used by a trial of a run.
    /// </summary>
    public static int ForMove(int generation, int sweep, bool path) => -1_000_000 - 2 * (generation * 1000 + sweep) - (path ? 1 : 0);

    /// <summary>The stream that resamples a block of particles of an update (trial = the block; never used by a trial of a run).</summary>
    public const int Resampling = -3;

    /// <summary>The stream that draws the initial states of the machines with an initial distribution (one draw each, in file order).</summary>
    public const int InitialStates = -4;

    public static Xoroshiro128StarStar For(ulong seed, long trial, int stream)
    {
        var key = SplitMix64.Mix(SplitMix64.Mix(seed) + (ulong)trial);
        key = SplitMix64.Mix(key ^ ((ulong)stream * 0xD1B54A32D192ED03UL));
        return Xoroshiro128StarStar.FromSeed(key);
    }

    /// <summary>The stream that draws parameter <paramref name="parameter"/>.</summary>
    public static int ForParameter(int parameter) => 1 + parameter;
}
