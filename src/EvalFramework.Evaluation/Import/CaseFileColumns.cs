namespace EvalFramework.Evaluation.Import;

/// <summary>The columns of a case file for <c>evalctl import</c>.</summary>
public static class CaseFileColumns
{
    /// <summary>The service's own case reference (required): pseudonymised before it is sent, never stored as given.</summary>
    public const string Reference = "reference";

    /// <summary>The case type (required), one of the pilot's.</summary>
    public const string CaseType = "case_type";

    /// <summary>The arm the case was handled in (required), one of the pilot's.</summary>
    public const string Arm = "arm";

    /// <summary>When the case started (required): a date <c>yyyy-MM-dd</c> (UTC midnight) or a time with offset (RFC 3339).</summary>
    public const string Started = "started";

    /// <summary>When the case was completed (optional), as <see cref="Started"/>; empty for an open case.</summary>
    public const string Completed = "completed";

    /// <summary>How it ended (optional, with <see cref="Completed"/>): resolved (the default), escalated, abandoned or rejected.</summary>
    public const string Outcome = "outcome";

    /// <summary>Staff seconds spent on the case (optional; needs <see cref="Role"/>).</summary>
    public const string EffortSeconds = "effort_seconds";

    /// <summary>The staff role of <see cref="EffortSeconds"/>, one of the pilot's staff roles.</summary>
    public const string Role = "role";

    /// <summary>The channel (optional), one of the pilot's.</summary>
    public const string Channel = "channel";

    /// <summary>The team the case's unit belongs to (optional; needs <see cref="AssignedArm"/>), one of the pilot's teams.</summary>
    public const string Team = "team";

    /// <summary>The arm the case's team was assigned to (optional, with <see cref="Team"/>): the case's group in a before/after design.</summary>
    public const string AssignedArm = "assigned_arm";

    /// <summary>The columns every file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [Reference, CaseType, Arm, Started];

    /// <summary>Every column a file may have.</summary>
    public static IReadOnlyList<string> All { get; } = [Reference, CaseType, Arm, Started, Completed, Outcome, EffortSeconds, Role, Channel, Team, AssignedArm];
}
