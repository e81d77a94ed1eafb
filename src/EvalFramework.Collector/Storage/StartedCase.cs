namespace EvalFramework.Collector.Storage;

/// <summary>A case whose <c>case.started</c> is stored: its labels and start as the case row holds them.</summary>
internal readonly record struct StartedCase(string Pilot, string CaseId, string CaseType, string Arm, long StartedMs);
