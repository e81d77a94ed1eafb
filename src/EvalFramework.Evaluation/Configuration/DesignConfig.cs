using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// How cases reach their arm (a pilot's <c>design</c>): the unit that is assigned to an arm, the switchback period,
/// the date the AI started (before/after) and the pilot's planned end. The arms' shares are <see cref="PilotConfig.Arms"/>'.
/// </summary>
public sealed record DesignConfig
{
    /// <summary>What is assigned to an arm (<c>unit</c>): one of <see cref="AssignmentUnits"/>; default <c>case</c>.</summary>
    public string Unit { get; init; } = AssignmentUnits.Case;

    /// <summary>The length of one period in days (<c>periodLength</c>, e.g. <c>7d</c>); set exactly when <see cref="Unit"/> is <c>period</c>.</summary>
    public int? PeriodDays { get; init; }

    /// <summary>
    /// The day the AI arm started (<c>aiStart</c>, a date, UTC midnight): cases started before it are the baseline
    /// period of a before/after design; null for a concurrent design.
    /// </summary>
    public DateTimeOffset? AiStart { get; init; }

    /// <summary>
    /// The day the pilot is planned to end (<c>plannedEnd</c>, a date, UTC midnight): snapshots of periods ending before it
    /// are sequential, at or after it final; null when no end was planned.
    /// </summary>
    public DateTimeOffset? PlannedEnd { get; init; }

    /// <summary>
    /// The fewest units per arm for a verdict under a clustered design (<c>minUnitsPerArm</c>, default
    /// <see cref="ConfigDefaults.MinUnitsPerArm"/>); unused when <see cref="Unit"/> is <c>case</c>.
    /// </summary>
    public int MinUnitsPerArm { get; init; } = ConfigDefaults.MinUnitsPerArm;

    /// <summary>
    /// The cases each case type is planned to have by <see cref="PlannedEnd"/>, both arms together (<c>plannedCases</c>);
    /// null when not set (<see cref="DefaultPlannedCases"/> is used). It tunes the always-valid intervals of the snapshots
    /// before the end: they are tightest near half of it.
    /// </summary>
    public int? PlannedCases { get; init; }

    /// <summary>The planned cases per case type when <c>plannedCases</c> is not set: 2,000 (about 60 days at 16 cases a day per arm).</summary>
    public const int DefaultPlannedCases = 2000;

    /// <summary>Whether units larger than a case are assigned (handler, team or period): the analysis is cluster-robust.</summary>
    public bool IsClustered => Unit != AssignmentUnits.Case;

    /// <summary>Whether the design sets anything (a pilot without <c>design</c> has the default).</summary>
    public bool IsConfigured { get; init; }

    /// <summary>The design of a pilot without a <c>design</c> key: each case assigned on its own, no dates.</summary>
    public static DesignConfig Default { get; } = new();
}
