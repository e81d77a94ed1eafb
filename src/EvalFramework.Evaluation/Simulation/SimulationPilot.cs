using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// What the simulator needs to know of a pilot: its slug, case types, arms with their allocation shares, the
/// baseline arm, the staff roles and AI models it has prices for (so that simulated events cost what the
/// pilot's config says) and the rest of its closed vocabulary (so that the collector accepts every simulated event).
/// Usually made from the evaluation config with <see cref="FromConfig"/>.
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
    /// The demo pilot as the shipped config describes it: the three case types, <c>manual</c> (baseline)
    /// and <c>ai_assisted</c> half each, and the shipped roles, models and vocabulary.
    /// </summary>
    public static SimulationPilot Demo { get; } = new(
        "demo",
        ["building-permit-question", "direct-procurement-advice", "social-services-documentation"],
        [new ArmConfig("manual", 0.5), new ArmConfig("ai_assisted", 0.5)],
        "manual",
        ["kommunvagledare", "handlaggare", "socialsekreterare"],
        ["mistral-small-3.1", "llama-3.3-70b"])
    {
        Channels = ["phone", "e-service", "email", "visit", "meeting", "home-visit"],
        EscalationReasons = ["needs-case-officer", "low-confidence", "citizen-request"],
        IntegrationSystems = ["case-register", "e-service-platform", "procurement-system", "journal-system"],
        IntegrationFailureKinds = ["timeout", "server-error", "unavailable"],
        MaintenanceKinds = ["knowledge-base-update", "prompt-update", "model-update", "staff-training"],
        Teams = ["kontaktcenter", "upphandling", "socialtjanst"],
    };

    /// <summary>
    /// The channels the pilot's config lists (default none): a profile's channel missing here becomes the first one;
    /// with none, cases start without a channel.
    /// </summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>
    /// The escalation reasons the pilot's config lists (default none): a reason missing here becomes the first one;
    /// with none, escalations are sent without a reason.
    /// </summary>
    public IReadOnlyList<string> EscalationReasons { get; init; } = [];

    /// <summary>
    /// The integration systems the pilot's config lists (default none): a profile's system missing here becomes the
    /// first one; with none, no integration failure is simulated.
    /// </summary>
    public IReadOnlyList<string> IntegrationSystems { get; init; } = [];

    /// <summary>
    /// The integration failure kinds the pilot's config lists (default none): a kind missing here becomes the first
    /// one; with none, no integration failure is simulated.
    /// </summary>
    public IReadOnlyList<string> IntegrationFailureKinds { get; init; } = [];

    /// <summary>
    /// The maintenance kinds the pilot's config lists (default none): a kind missing here becomes the first one; with
    /// none, no maintenance is simulated.
    /// </summary>
    public IReadOnlyList<string> MaintenanceKinds { get; init; } = [];

    /// <summary>
    /// The teams the pilot's config lists (default none): a profile's team missing here becomes the first one (teams
    /// of the same name answer once); with none, no staff survey is simulated.
    /// </summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>The simulator's view of a configured pilot.</summary>
    /// <param name="pilot">A pilot of a validated evaluation config.</param>
    /// <returns>Its slug, case types, arms, baseline, roles, models and vocabulary.</returns>
    public static SimulationPilot FromConfig(PilotConfig pilot)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        return new(pilot.Slug, pilot.CaseTypes, pilot.Arms, pilot.BaselineArm, [.. pilot.StaffRoles.Keys], [.. pilot.AiModels.Keys])
        {
            Channels = pilot.Channels,
            EscalationReasons = pilot.EscalationReasons,
            IntegrationSystems = pilot.IntegrationSystems,
            IntegrationFailureKinds = pilot.IntegrationFailureKinds,
            MaintenanceKinds = pilot.MaintenanceKinds,
            Teams = pilot.Teams,
        };
    }
}
