namespace EvalFramework.Contract;

/// <summary>The values of <c>assignment.unit</c> on a <c>case.started</c> event (contract v2): what was assigned to an arm.</summary>
public static class AssignmentUnits
{
    /// <summary>Each case on its own.</summary>
    public const string Case = "case";

    /// <summary>The handler (staff member) who takes the case.</summary>
    public const string Handler = "handler";

    /// <summary>The team that handles the case.</summary>
    public const string Team = "team";

    /// <summary>A period of time (switchback or before/after).</summary>
    public const string Period = "period";

    /// <summary>Every unit.</summary>
    public static IReadOnlyList<string> All { get; } = [Case, Handler, Team, Period];
}
