using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// What the simulator needs to know of a pilot: its slug, case types, arms with their allocation shares, the
/// baseline arm, and the staff roles and AI models it has prices for (so that simulated events cost what the
/// pilot's config says). Usually made from the evaluation config with <see cref="FromConfig"/>.
/// </summary>
/// <param name="Slug">The pilot slug.</param>
/// <param name="CaseTypes">The case types, each simulated with its profile.</param>
/// <param name="Arms">The arms and their shares; the baseline works without AI, every other arm with it.</param>
/// <param name="BaselineArm">The arm every other arm is compared with.</param>
/// <param name="StaffRoles">The staff roles with a cost, in order; a profile's role missing here becomes the first one.</param>
/// <param name="AiModels">The AI models with a price, in order; a profile's model missing here becomes the first one (kept when empty).</param>
public sealed record SimulationPilot(
    string Slug,
    IReadOnlyList<string> CaseTypes,
    IReadOnlyList<ArmConfig> Arms,
    string BaselineArm,
    IReadOnlyList<string> StaffRoles,
    IReadOnlyList<string> AiModels)
{
    /// <summary>
    /// The demo pilot of DESIGN.md as the shipped config describes it, for a demo without a config file: the three
    /// case types, <c>manual</c> (baseline) and <c>ai_assisted</c> half each, and the shipped roles and models.
    /// </summary>
    public static SimulationPilot Demo { get; } = new(
        "demo",
        ["building-permit-question", "direct-procurement-advice", "social-services-documentation"],
        [new ArmConfig("manual", 0.5), new ArmConfig("ai_assisted", 0.5)],
        "manual",
        ["kommunvagledare", "handlaggare", "socialsekreterare"],
        ["mistral-small-3.1", "llama-3.3-70b"]);

    /// <summary>The simulator's view of a configured pilot.</summary>
    /// <param name="pilot">A pilot of a validated evaluation config.</param>
    /// <returns>Its slug, case types, arms, baseline, roles and models.</returns>
    public static SimulationPilot FromConfig(PilotConfig pilot)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        return new(pilot.Slug, pilot.CaseTypes, pilot.Arms, pilot.BaselineArm, [.. pilot.StaffRoles.Keys], [.. pilot.AiModels.Keys]);
    }
}
