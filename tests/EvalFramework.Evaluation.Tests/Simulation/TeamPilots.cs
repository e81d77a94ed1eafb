using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Evaluation.Tests.Simulation;

/// <summary>
/// The reviewer's setting of a simulated team design: the demo pilot's building-permit questions (about 2,400 cases in
/// 90 days), 16 teams allocated to manual and AI-assisted half each, the default effects.
/// </summary>
internal static class TeamPilots
{
    public const int Teams = 16;

    public static readonly SimulationPilot Pilot = SimulationPilot.Demo with
    {
        CaseTypes = ["building-permit-question"],
        Teams = [.. Enumerable.Range(1, Teams).Select(i => string.Create(CultureInfo.InvariantCulture, $"team-{i:00}"))],
    };

    /// <summary>The building-permit cases of one seeded 90-day team-design pilot.</summary>
    public static List<SimulatedCases.Summary> Cases(long seed, double icc, double nonCompliance, double days = 90)
    {
        var design = new SimulationDesign { Unit = AssignmentUnits.Team, Teams = Teams, Icc = icc, NonCompliance = nonCompliance };
        var settings = Simulations.Demo(days: days, seed: seed) with { Pilot = Pilot, Design = design };
        return [.. SimulatedCases.From(Simulations.Events(settings)).Values];
    }
}
