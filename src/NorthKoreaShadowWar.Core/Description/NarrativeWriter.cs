using System.Globalization;

namespace NorthKoreaShadowWar.Description;

/// <summary>Writes a sample path as a short story: how it starts, each step that changed something, how it ends.</summary>
internal static class NarrativeWriter
{
    /// <summary>Writes <paramref name="path"/> to <paramref name="writer"/> under <paramref name="heading"/>.</summary>
    public static void Write(INarratedPath path, Storyteller storyteller, string heading, TextWriter writer)
    {
        var scenario = storyteller.Scenario;
        writer.WriteLine(heading);
        var start = string.Join("; ", path.InitialStates.Select((s, m) => $"{storyteller.MachineLabel(m)}: {storyteller.StateLabel(m, s)}"));
        writer.WriteLine($"  {storyteller.StepName(0)}: {start}.");
        foreach (var step in path.Events.GroupBy(e => e.Step))
            writer.WriteLine($"  {storyteller.StepName(step.Key)}: {string.Join(" ", step.Select(e => EndSentence(e.Sentence)))}");
        var horizon = scenario.Horizon;
        var end = string.Join("; ", path.FinalStates.Select((s, m) => $"{storyteller.MachineLabel(m)}: {storyteller.StateLabel(m, s)}"));
        var variables = scenario.Variables.Count == 0 ? ""
            : " " + string.Join(", ", scenario.Variables.Select((v, i) => $"{Storyteller.Words(v.Name)} {Storyteller.Number(path.FinalVariables[i])}")) + ".";
        writer.WriteLine($"  End of {storyteller.StepName(horizon).ToLower(CultureInfo.InvariantCulture)}: {end}.{variables}");
        if (path.Events.Count == 0) writer.WriteLine("  (nothing changed in this trial)");
    }

    private static string EndSentence(string sentence) =>
        sentence.Length == 0 || ".!?".Contains(sentence[^1], StringComparison.Ordinal) ? sentence : sentence + ".";
}
