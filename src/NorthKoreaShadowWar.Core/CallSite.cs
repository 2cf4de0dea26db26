namespace NorthKoreaShadowWar;

/// <summary>Where in the caller's source a builder method was called (from <c>[CallerFilePath]</c> and <c>[CallerLineNumber]</c>).</summary>
internal readonly record struct CallSite(string File, int Line)
{
    public bool Known => !string.IsNullOrEmpty(File) && Line > 0;
}
