namespace EvalFramework.Collector.Snapshots;

/// <summary>A stored snapshot: its pilot (for the access check) and the exact bytes.</summary>
internal sealed record StoredSnapshot(string Pilot, byte[] Body);
