using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// How the simulated pilot's cases reach their arm, and how alike the cases of one team, handler or period are.
/// Without a design (<see cref="SimulationSettings.Design"/> null) every case is allocated on its own and nothing
/// more is drawn, so the events are those of a simulator without designs. See docs/methods.md, "Simulated designs".
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>case</c>: each case by the arms' shares (the draw of a case without a design); with <see cref="Teams"/>,
/// cases go to teams whose effects (<see cref="Icc"/>) touch both arms alike.</item>
/// <item><c>team</c> and <c>handler</c>: the pilot's first <see cref="Teams"/> teams (with <see cref="HandlersPerTeam"/>
/// handlers each) are allocated to the arms by complete randomisation, each arm its share of them (rounded, at least
/// one); a case goes to a team by the teams' sizes (drawn once, from 0.5 to 1.5 times the average: CV about 0.29) and
/// to one of its handlers at random, and takes the arm of its team or handler.</item>
/// <item><c>period</c>: time is cut into periods of <see cref="PeriodDays"/> days from the Monday (UTC) on or before the
/// start; each block of as many periods as arms is a random order of the arms (switchback with randomised pairs).</item>
/// <item><see cref="AiStart"/>: before it every case is in the baseline arm (every unit is assigned the baseline arm
/// then); from it, the design applies. With <see cref="ConcurrentControl"/> false (before/after without control),
/// every case from it is in the first other arm and no assignment is recorded.</item>
/// </list>
/// The unit's effect acts on effort and lead time (a shift of the log, sized so the ICC of the values is
/// <see cref="Icc"/>) and on the chances of a wrong answer, a consistent one and an escalation (each unit's own chance
/// drawn from a beta distribution with the arm's mean and ICC <see cref="Icc"/>, one quantile per unit and metric, so a
/// unit keeps its rank in every arm). Other outcomes are unaffected.
/// </remarks>
public sealed record SimulationDesign
{
    /// <summary>What is assigned to an arm: one of <see cref="AssignmentUnits"/> (default <c>case</c>).</summary>
    public string Unit { get; init; } = AssignmentUnits.Case;

    /// <summary>The teams cases are handled by: the first this many of the pilot's teams (default 0: none; needed for team and handler designs).</summary>
    public int Teams { get; init; }

    /// <summary>Handlers in each team (default 5).</summary>
    public int HandlersPerTeam { get; init; } = 5;

    /// <summary>The length of a switchback period in days (default 7).</summary>
    public int PeriodDays { get; init; } = 7;

    /// <summary>
    /// The intra-cluster correlation of the affected outcomes within the unit whose effect is drawn (default 0): the
    /// handler for a handler design, the period for a period design, else the team.
    /// </summary>
    public double Icc { get; init; }

    /// <summary>The share of cases handled in an arm other than the one assigned (default 0): the AI left unused, or used where it should not be.</summary>
    public double NonCompliance { get; init; }

    /// <summary>The day the AI arms start (before/after); null for a concurrent design.</summary>
    public DateTimeOffset? AiStart { get; init; }

    /// <summary>Whether a manual arm goes on beside the AI after <see cref="AiStart"/> (default true); false for before/after without a control.</summary>
    public bool ConcurrentControl { get; init; } = true;
}
