using System.Diagnostics;
using BenchmarkDotNet.Running;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Compilation.Generated;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/NorthKoreaShadowWar.Benchmarks -- --filter '*'</c>.
/// <c>-- kernel SCENARIO TRIALS</c> instead runs that many trials through the kernel once, on one thread, and
/// prints the machine-steps and ns per machine-step: a fixed workload for instruction counts (callgrind) and for
/// <c>benchmarks/side-by-side.sh</c>; <c>-- stateless SCENARIO TRIALS</c> does the same through the reference
/// simulator (Stateless machines, every step of every trial simulated).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "kernel")
        {
            RunKernel(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        if (args.Length == 4 && args[0] == "runner")
        {
            RunRunner(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        if (args.Length == 3 && args[0] == "stateless")
        {
            RunStateless(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void RunKernel(string scenario, int trials)
    {
        CompiledModel model = BenchmarkScenarios.Load(scenario);
        var values = new double[model.ValuePrograms.Length];
        var secondValues = new double[model.ValuePrograms.Length];
        if (CodeGeneration.ByDefault && CodeGeneration.HasPerStepCode(model))
            Console.WriteLine($"{scenario}: per-step code generated and compiled in {GeneratedModelCode.For(model).CompileTime.TotalMilliseconds:F1} ms");
        // Warm-up on other trials, so that the timed loop runs the JIT's final code.
        var warmUp = new TrialSimulator(model, seed: 2);
        RunTrials(warmUp, Math.Max(1, trials / 4), values, secondValues);
        var simulator = new TrialSimulator(model, seed: 1);
        var cpu = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        RunTrials(simulator, trials, values, secondValues);
        stopwatch.Stop();
        cpu = Environment.CpuUsage.TotalTime - cpu;
        var steps = simulator.Tallies.MachineSteps;
        // The process's processor time over the timed trials: on a loaded machine it moves less than the time on the clock.
        Console.WriteLine($"{scenario}: processor time {cpu.TotalNanoseconds / steps:F2} ns per machine-step");
        Console.WriteLine($"{scenario}: {trials} trials through the kernel ({VectorWidth()}), {steps} machine-steps, {stopwatch.Elapsed.TotalNanoseconds / steps:F2} ns per machine-step, occupancy checksum {Checksum(simulator.Tallies)}");
    }

    /// <summary>A whole run (threads, blocks, merging), after a warm-up run: ns per machine-step and bytes allocated per trial.</summary>
    private static void RunRunner(string scenario, int trials, int threads)
    {
        CompiledModel model = BenchmarkScenarios.Load(scenario);
        MonteCarloRunner.Run(model, new RunSettings { Trials = Math.Max(RunSettings.BlockSize, trials / 4), Seed = 2, Threads = threads });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var result = MonteCarloRunner.Run(model, new RunSettings { Trials = trials, Seed = 1, Threads = threads });
        stopwatch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine($"{scenario}: {trials} trials in a whole run on {threads} thread(s), {result.MachineSteps} machine-steps, {stopwatch.Elapsed.TotalNanoseconds / result.MachineSteps:F2} ns per machine-step, {(double)allocated / trials:F2} bytes allocated per trial");
    }

    /// <summary>Trials 0..trials-1 as a run goes through them: two at a time, side by side.</summary>
    internal static void RunTrials(TrialSimulator simulator, int trials, double[] values, double[] secondValues)
    {
        var trial = 0;
        for (; trial + 1 < trials; trial += 2) simulator.RunTwo(trial, values, secondValues);
        if (trial < trials) simulator.Run(trial, values);
    }

    private static void RunStateless(string scenario, int trials)
    {
        var resolved = BenchmarkScenarios.Load(scenario).Scenario;
        NorthKoreaShadowWar.Reference.ReferenceSimulator.Run(resolved, Math.Max(1, trials / 20), seed: 2);
        var stopwatch = Stopwatch.StartNew();
        NorthKoreaShadowWar.Reference.ReferenceSimulator.Run(resolved, trials, seed: 1);
        stopwatch.Stop();
        var steps = BenchmarkScenarios.EveryMachineStep(scenario, trials);
        Console.WriteLine($"{scenario}: {trials} trials through the Stateless reference simulator, {steps} machine-steps, {stopwatch.Elapsed.TotalNanoseconds / steps:F2} ns per machine-step");
    }

    private static string VectorWidth() =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "512-bit vectors"
        : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "256-bit vectors" : "no vectors";

    /// <summary>A checksum of the occupancy counted (both lanes of trials run side by side, the changes counted in).</summary>
    private static long Checksum(TrialTallies tallies)
    {
        long sum = 0;
        foreach (var cells in tallies.CompleteOccupancy()) sum = sum * 31 + cells;
        return sum;
    }
}
