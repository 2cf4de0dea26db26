namespace NorthKoreaShadowWar.Description;

/// <summary>
/// What <see cref="NarrativeWriter"/> tells of a sample path: the states it starts in, each change told as a sentence
/// at its step, and the states and variables it ends with. Tracing records such paths.
/// </summary>
internal interface INarratedPath
{
    /// <summary>Each machine's state at step 0.</summary>
    IReadOnlyList<int> InitialStates { get; }

    /// <summary>The changes, in the order they happened.</summary>
    IReadOnlyList<INarratedEvent> Events { get; }

    /// <summary>Each machine's state at the end.</summary>
    IReadOnlyList<int> FinalStates { get; }

    /// <summary>Each variable's value at the end.</summary>
    IReadOnlyList<double> FinalVariables { get; }
}

/// <summary>One change in a sample path, told as a sentence (<see cref="Storyteller.Sentence"/>).</summary>
internal interface INarratedEvent
{
    /// <summary>The step it happened at.</summary>
    int Step { get; }

    /// <summary>What happened, in words.</summary>
    string Sentence { get; }
}
