using System.Diagnostics;
using BenchmarkDotNet.Running;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/NorthKoreaShadowWar.Benchmarks -- --filter '*'</c>.
/// <c>-- kernel SCENARIO TRIALS</c> instead runs that many trials through the kernel once, on one thread, and
/// prints the machine-steps and ns per machine-step: a fixed workload for instruction counts (callgrind).
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
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void RunKernel(string scenario, int trials)
    {
        CompiledModel model = BenchmarkScenarios.Load(scenario);
        var simulator = new TrialSimulator(model, seed: 1);
        var values = new double[model.ValuePrograms.Length];
        var stopwatch = Stopwatch.StartNew();
        for (var trial = 0; trial < trials; trial++) simulator.Run(trial, values);
        stopwatch.Stop();
        var steps = simulator.Tallies.MachineSteps;
        Console.WriteLine($"{scenario}: {trials} trials, Vector256 {(System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "accelerated" : "not accelerated")}, {steps} machine-steps, {stopwatch.Elapsed.TotalNanoseconds / steps:F2} ns per machine-step, occupancy checksum {Checksum(simulator.Tallies.Occupancy)}");
    }

    private static long Checksum(long[] cells)
    {
        long sum = 0;
        for (var i = 0; i < cells.Length; i++) sum = sum * 31 + cells[i];
        return sum;
    }
}
