namespace EvalFramework.Evaluation.Snapshots;

/// <summary>A computed snapshot (serialised once by <see cref="SnapshotJsonWriter"/>; the bytes are what is stored).</summary>
internal sealed record Snapshot(
    SnapshotRequest Request,
    string? ConfigSha256,
    string DataSha256,
    double ConfidenceLevel,
    int MinSamplePerArm,
    int KAnonymity,
    string BaselineArm,
    IReadOnlyList<CaseTypeResult> CaseTypes,
    IReadOnlyList<PilotMetric> PilotMetrics,
    DataQualityReport DataQuality,
    SnapshotBreakdowns Breakdowns,
    IReadOnlyList<ComparisonResult> PilotComparisons,
    PlanSummary Plan,
    int FollowUpDays)
{
    /// <summary>The cases' compliance with their assignment; null when no case carried one.</summary>
    public ComplianceSummary? Compliance { get; init; }

    /// <summary>How the primary and guardrail verdicts were reached: one of <see cref="Snapshots.Inference"/>.</summary>
    public string Inference { get; init; } = Snapshots.Inference.Fixed;

    /// <summary>The pilot's always-valid analysis when it has a planned end; null otherwise.</summary>
    public SequentialSettings? Sequential { get; init; }

    /// <summary>The design section (unit, analysis, units per arm, ICC).</summary>
    public DesignSummary? Design { get; init; }
    /// <summary>The before/after design's section; null without <c>design.aiStart</c>.</summary>
    public BeforeAfterSummary? BeforeAfter { get; init; }
}
