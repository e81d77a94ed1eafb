using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// A snapshot as its JSON document holds it (snapshot contract v1 and its extensions): written by
/// <see cref="SnapshotJsonWriter"/>, read back by <see cref="SnapshotDocumentReader"/>. The one model of the stored
/// bytes that the report, the gauges, the CSV and evalctl read.
/// </summary>
/// <param name="Id">The snapshot id.</param>
/// <param name="Pilot">The pilot slug.</param>
/// <param name="From">The period's start (inclusive).</param>
/// <param name="To">The period's end (exclusive).</param>
/// <param name="CreatedAt">When the snapshot was made.</param>
/// <param name="MethodologyVersion">The methodology version the snapshot was computed with.</param>
/// <param name="ConfigSha256">The evaluation config's hash, or null when the collector had no config.</param>
/// <param name="DataSha256">The hash of the data the snapshot was computed from.</param>
/// <param name="Settings">How the figures were computed.</param>
/// <param name="CaseTypes">Per case type: the arms' metrics and the comparisons.</param>
/// <param name="PilotMetrics">Pilot-level metrics, for all arms or one.</param>
/// <param name="DataQuality">What a reader must know before trusting the numbers.</param>
/// <param name="Breakdowns">The parts and weekly series behind the report's charts; null in snapshots made before them.</param>
/// <param name="Plan">The analysis plan the verdicts follow; null in snapshots made before analysis plans.</param>
/// <param name="PilotComparisons">Pilot-level comparisons (staff well-being per person); null in older snapshots.</param>
/// <param name="DefaultEnd">Whether the period's end was chosen by default; null in older snapshots.</param>
public sealed record SnapshotDocument(
    string Id,
    string Pilot,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset CreatedAt,
    string MethodologyVersion,
    string? ConfigSha256,
    string DataSha256,
    SnapshotSettings Settings,
    IReadOnlyList<CaseTypeResult> CaseTypes,
    IReadOnlyList<PilotMetric> PilotMetrics,
    DataQualityReport DataQuality,
    SnapshotBreakdowns? Breakdowns,
    PlanSummary? Plan = null,
    IReadOnlyList<ComparisonResult>? PilotComparisons = null,
    bool? DefaultEnd = null)
{
    /// <summary>The cases' compliance with their assignment (<c>compliance</c>); null when no case carried one, and in older snapshots.</summary>
    public ComplianceSummary? Compliance { get; init; }

    /// <summary>
    /// How the primary and guardrail verdicts were reached: <see cref="Snapshots.Inference.Sequential"/> (a look before
    /// the planned end, safe to check every day) or <see cref="Snapshots.Inference.Fixed"/> (final); null in older snapshots.
    /// </summary>
    public string? Inference { get; init; }

    /// <summary>The pilot's always-valid analysis (when it has a planned end); null otherwise and in older snapshots.</summary>
    public SequentialSettings? Sequential { get; init; }

    /// <summary>The design: what was assigned to the arms and the analysis used; null in snapshots made before designs.</summary>
    public DesignSummary? Design { get; init; }
    /// <summary>A before/after design's section (<c>beforeAfter</c>); null without <c>design.aiStart</c> and in older snapshots.</summary>
    public BeforeAfterSummary? BeforeAfter { get; init; }

    /// <summary>The document of a snapshot the engine has just computed.</summary>
    internal static SnapshotDocument Of(Snapshot s) => new(
        s.Request.Id,
        s.Request.Pilot,
        s.Request.From,
        s.Request.To,
        s.Request.CreatedAt,
        Methodology.Version,
        s.ConfigSha256,
        s.DataSha256,
        new SnapshotSettings(s.ConfidenceLevel, s.MinSamplePerArm, s.KAnonymity, s.BaselineArm, MedianBootstrap.Replicates, s.FollowUpDays),
        s.CaseTypes,
        s.PilotMetrics,
        s.DataQuality,
        s.Breakdowns,
        s.Plan,
        s.PilotComparisons,
        s.Request.DefaultEnd)
    {
        Compliance = s.Compliance,
        Inference = s.Inference,
        Sequential = s.Sequential,
        Design = s.Design,
        BeforeAfter = s.BeforeAfter,
    };
}
