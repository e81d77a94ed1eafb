namespace EvalFramework.Sending;

/// <summary>One segment file of the spill folder, as the store keeps track of it.</summary>
internal sealed class SpillSegment(string path, bool inherited)
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>Whether an earlier process wrote it.</summary>
    public bool Inherited { get; } = inherited;

    /// <summary>Bytes in the file (for an inherited segment, including any unreadable tail).</summary>
    public long Bytes { get; set; }

    /// <summary>Events in its readable records.</summary>
    public long Events { get; set; }

    /// <summary>Events already sent, refused or skipped; only the oldest segment has any.</summary>
    public long Handled { get; set; }

    /// <summary>Whether it is closed for writing (always, unless it is the segment being appended to).</summary>
    public bool Sealed { get; set; }
}
