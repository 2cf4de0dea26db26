using System.Globalization;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

/// <summary>
/// What shadowwar writes does not depend on the machine's culture: run, exact, compare and score under a culture that
/// writes a half as 0,5 and a thousand as 1.000 (de-DE) write the same files, byte for byte, and print the same text
/// as under the invariant culture, and their CSV numbers use '.' (README, "Results").
/// </summary>
[NonParallelizable]
public class CultureIndependenceTests
{
    private const string Small = """
        name: small
        horizon: 12
        parameters:
          rate: 0.25
          cost: 1500.5
        variables:
          spent: { initial: 0 }
        machines:
          a:
            initial: Off
            states: [Off, On]
            absorbing: [On]
            each_step: { Off: { spent: "+= cost" } }
            transitions: [ { from: Off, to: On, p: rate } ]
        outcomes:
          on: { reached: a.On, within: 4 }
          first: { first_step: a.On }
          final_a: { final: a }
          spent_end: { value: spent }
        variants:
          faster:
            parameters:
              rate: 0.4
        """;

    private const string Observed = """
        outcomes:
          on: true
          first: 3
          final_a: On
          spent_end: 4501.5
        """;

    private static readonly CultureInfo CommaDecimal = CultureInfo.GetCultureInfo("de-DE");

    private string directory = "";
    private string scenario = "";
    private string observed = "";

    [SetUp]
    public void CreateDirectory()
    {
        directory = Directory.CreateTempSubdirectory("shadowwar-culture-").FullName;
        scenario = Path.Combine(directory, "small.yaml");
        observed = Path.Combine(directory, "observed.yaml");
        File.WriteAllText(scenario, Small);
        File.WriteAllText(observed, Observed);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void The_comma_decimal_culture_writes_a_half_with_a_comma_so_the_other_tests_can_tell()
    {
        Assert.That(0.5.ToString(CommaDecimal), Is.EqualTo("0,5"));
    }

    [TestCase("run")]
    [TestCase("exact")]
    [TestCase("compare")]
    [TestCase("score")]
    public void A_command_under_a_comma_decimal_culture_writes_and_prints_what_it_does_under_the_invariant_culture(string command)
    {
        var invariant = Run(command, CultureInfo.InvariantCulture, "invariant");
        var comma = Run(command, CommaDecimal, "comma");
        var files = ComparableOutput.Files(invariant.Folder);
        Assert.That(files, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(ComparableOutput.Files(comma.Folder), Is.EqualTo(files), "the files written");
            foreach (var file in files)
                Assert.That(ComparableOutput.Of(Path.Combine(comma.Folder, file)), Is.EqualTo(ComparableOutput.Of(Path.Combine(invariant.Folder, file))), file);
            Assert.That(ComparableOutput.WithoutTimes(comma.Out), Is.EqualTo(ComparableOutput.WithoutTimes(invariant.Out)), "the terminal");
        });
    }

    [Test]
    public void Run_under_a_comma_decimal_culture_writes_csv_numbers_with_a_point()
    {
        var (folder, _) = Run("run", CommaDecimal, "comma");
        var lines = File.ReadAllLines(Path.Combine(folder, "outcomes.csv"));
        var numbers = lines.Skip(1).SelectMany(Csv.Fields).Where(field => field.Length > 0 && char.IsAsciiDigit(field[0])).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(numbers, Has.Some.Contains('.'), "some estimate is not a whole number");
            Assert.That(numbers, Has.All.Matches<string>(field => double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _)));
        });
    }

    private (string Folder, string Out) Run(string command, CultureInfo culture, string name)
    {
        var folder = Path.Combine(directory, name);
        string[] args = command switch
        {
            "run" => ["run", scenario, "--trials", "3000", "--seed", "7", "--out", folder],
            "exact" => ["exact", WithoutValueOutcome(), "--out", folder],
            "compare" => ["compare", scenario, scenario + ":faster", "--trials", "3000", "--seed", "7", "--out", folder],
            "score" => ["score", Forecast(), "--observed", observed, "--out", folder],
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
        var (original, originalDefault) = (CultureInfo.CurrentCulture, CultureInfo.DefaultThreadCurrentCulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentCulture = culture;
        try
        {
            var (exitCode, output, error) = CommandLine.Run(args);
            Assert.That(exitCode, Is.EqualTo(0), error);
            return (folder, output.Replace(folder, "FOLDER", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.DefaultThreadCurrentCulture = originalDefault;
        }
    }

    /// <summary>The scenario without its value outcome, which exact does not solve.</summary>
    private string WithoutValueOutcome()
    {
        var file = Path.Combine(directory, "states-only.yaml");
        File.WriteAllText(file, Small.Replace("  spent_end: { value: spent }\n", "", StringComparison.Ordinal));
        return file;
    }

    /// <summary>The results folder that score scores, written once under the invariant culture.</summary>
    private string Forecast()
    {
        var folder = Path.Combine(directory, "forecast");
        if (!Directory.Exists(folder))
        {
            var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "3000", "--seed", "7", "--out", folder);
            Assert.That(exitCode, Is.EqualTo(0), error);
        }
        return folder;
    }
}
