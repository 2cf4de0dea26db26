using System.Globalization;
using NorthKoreaShadowWar;
using NorthKoreaShadowWar.Diagnostics;

// A small escalation scenario built in code: troops move from training to combat; while they fight, Seoul drifts
// towards lethal aid three times faster than otherwise. Run it, and the variant where Seoul is hawkish from the start.
var builder = ScenarioBuilder.Create("sample")
    .Title("Troops at the front, and Seoul's answer")
    .Horizon(52)
    .Step("week")
    .Parameter("shift", Distribution.Beta(2, 60))
    .Parameter("troops0", Distribution.LogNormalWithin90(3000, 12000))
    .Variable("troops", "troops0")
    .Variable("casualties", 0)
    .Machine("deployment", m => m
        .Initial("Training")
        .States("Training", "Combat", "Withdrawn")
        .Absorbing("Withdrawn")
        .EachStep("Combat", "casualties", "+= troops * 0.004")
        .Transition("Training", "Combat", 0.1)
        .Transition("*", "Withdrawn", 0.01))
    .Machine("seoul", m => m
        .Initial("Neutral")
        .States("Neutral", "Lethal")
        .Absorbing("Lethal")
        .Transition("Neutral", "Lethal", "shift", t => t.Multiplier("deployment == Combat", 3)))
    .Reached("lethal_within_half_year", "seoul.Lethal", within: 26)
    .FirstStep("weeks_to_combat", "deployment == Combat")
    .Value("casualties_end", "casualties")
    .Final("final_seoul", "seoul")
    .Variant("hawkish", v => v.Parameter("shift", 0.08));

try
{
    var scenario = builder.Build();
    var options = new RunOptions { Trials = 20_000, Seed = 1 };
    var table = new[] { scenario, scenario.WithVariant("hawkish") }.Select(s => (Name: s.Variant ?? "base", Results: s.Run(options))).ToList();

    Console.WriteLine($"{scenario.Title} ({options.Trials:N0} trials, seed {options.Seed})");
    Console.WriteLine();
    Console.WriteLine($"{"outcome",-34}{string.Concat(table.Select(t => $"{t.Name,30}"))}");
    foreach (var outcome in scenario.Outcomes)
        Console.WriteLine($"{outcome,-34}{string.Concat(table.Select(t => $"{Show(t.Results[outcome]),30}"))}");
    return 0;
}
catch (ScenarioException e)
{
    // Each problem is placed at the builder call above that caused it: Program.cs:LINE:1: error: ...
    Console.Error.WriteLine(e.Message);
    return 2;
}

static string Show(OutcomeEstimate outcome) => outcome switch
{
    ProbabilityEstimate p => $"{Percent(p.Estimate)} [{Percent(p.Interval.Lower)}, {Percent(p.Interval.Upper)}]",
    DistributionEstimate d => $"mean {Number(d.Mean)} ± {Number(d.Interval.HalfWidth)}",
    CategoricalEstimate c => string.Join(" ", c.Categories.Select(x => $"{x.State} {Percent(x.Probability)}")),
    _ => "",
};

static string Percent(double share) => (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%";

static string Number(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
