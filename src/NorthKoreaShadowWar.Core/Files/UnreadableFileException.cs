namespace NorthKoreaShadowWar.Files;

/// <summary>
/// A file the program was given cannot be read: it is missing, not a regular file, over its size limit, or the system
/// refused to read it. The message says what is wrong without naming the file, so each caller can put it in its own
/// form (<c>FILE: error: message</c>, or at line 1, column 1 of a scenario).
/// </summary>
internal sealed class UnreadableFileException(string problem, Exception? inner = null) : IOException(problem, inner);
