namespace EvalFramework.Collector.Metrics;

/// <summary>What the metrics remember of a started case: its labels (already mapped to the closed sets) and start.</summary>
internal readonly record struct CaseStart(string CaseType, string Arm, long StartedMs);
