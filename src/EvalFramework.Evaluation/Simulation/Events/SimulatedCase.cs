using System.Text;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>A simulated case: what its <c>case.started</c> says, and the reference its later events use.</summary>
/// <param name="Reference">The service's own case reference (only its HMAC pseudonym leaves the process), e.g. <c>sim-1-0-42</c>.</param>
/// <param name="CaseType">The case type slug.</param>
/// <param name="Arm">The arm slug the case was handled in (the arm used).</param>
/// <param name="Channel">How the citizen came (slug), e.g. <c>phone</c>; null when the pilot's config lists no channels.</param>
/// <param name="Started">When the case was opened.</param>
public sealed record SimulatedCase(string Reference, string CaseType, string Arm, string? Channel, DateTimeOffset Started)
{
    /// <summary>How the case reached its arm; null without a design, and for before/after without a control.</summary>
    public SimulatedAssignment? Assignment { get; init; }

    /// <summary>The team that handles the case; null when the design has no teams.</summary>
    public string? Team { get; init; }

    /// <summary>The members as records print them, the assignment and the team only when set (so a run without a design prints as before).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Reference = ").Append(Reference).Append(", CaseType = ").Append(CaseType).Append(", Arm = ").Append(Arm)
            .Append(", Channel = ").Append(Channel).Append(", Started = ").Append((object)Started);
        if (Assignment is not null)
        {
            builder.Append(", Assignment = ").Append(Assignment);
        }

        if (Team is not null)
        {
            builder.Append(", Team = ").Append(Team);
        }

        return true;
    }
}
