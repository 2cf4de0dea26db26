namespace NorthKoreaShadowWar.Description;

/// <summary>The text formats a state diagram can be written in.</summary>
internal enum DiagramFormat
{
    /// <summary>Mermaid <c>stateDiagram-v2</c>, rendered by GitHub, GitLab and most Markdown viewers.</summary>
    Mermaid,

    /// <summary>Graphviz DOT (UML style), rendered with <c>dot -Tsvg</c>.</summary>
    Dot,
}
