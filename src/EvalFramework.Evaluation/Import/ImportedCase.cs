namespace EvalFramework.Evaluation.Import;

/// <summary>One checked row of a case file.</summary>
/// <param name="Row">The file's row number (the header is row 1).</param>
/// <param name="Reference">The service's case reference, as given (pseudonymised before it leaves the machine).</param>
/// <param name="CaseType">The case type.</param>
/// <param name="Arm">The arm used.</param>
/// <param name="Started">When it started.</param>
/// <param name="Completed">When it was completed, or null when open.</param>
/// <param name="Outcome">How it ended (with <paramref name="Completed"/>).</param>
/// <param name="EffortSeconds">Staff seconds, or null.</param>
/// <param name="Role">The staff role of the effort.</param>
/// <param name="Channel">The channel, or null.</param>
/// <param name="Team">The team whose assignment the case follows, or null.</param>
/// <param name="AssignedArm">The arm the team was assigned to, or null.</param>
public sealed record ImportedCase(
    int Row,
    string Reference,
    string CaseType,
    string Arm,
    DateTimeOffset Started,
    DateTimeOffset? Completed,
    string? Outcome,
    double? EffortSeconds,
    string? Role,
    string? Channel,
    string? Team,
    string? AssignedArm);
