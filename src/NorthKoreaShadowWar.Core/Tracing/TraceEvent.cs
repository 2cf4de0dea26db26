using NorthKoreaShadowWar.Description;

namespace NorthKoreaShadowWar.Tracing;

/// <summary>
/// One change in a sample path: machine <see cref="Machine"/> moved from <see cref="From"/> to <see cref="To"/>
/// at step <see cref="Step"/>, by transition <see cref="Transition"/> (an index into the machine's transitions,
/// or -1 when it cannot be told), told as <see cref="Sentence"/>.
/// </summary>
internal sealed record TraceEvent(int Step, int Machine, int From, int To, int Transition, string Sentence) : INarratedEvent;
