namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// What the simulated services may send, from the pilot's closed vocabulary (<see cref="SimulationPilot"/>): a value
/// the profiles use but the pilot's config does not list becomes the config's first one, as roles and models do. When
/// the config lists none, an optional field (channel, escalation reason) is left out, and an event that needs the
/// field (integration failure, maintenance, staff survey) is not simulated; <see cref="Notes"/> says which.
/// </summary>
internal sealed class SimulationVocabulary
{
    private readonly SimulationPilot _pilot;

    public SimulationVocabulary(SimulationPilot pilot)
    {
        _pilot = pilot;
        var notes = new List<string>();
        void Note(bool empty, string what, string key)
        {
            if (empty)
            {
                notes.Add(what + " (pilot '" + pilot.Slug + "' lists no " + key + ")");
            }
        }

        Note(pilot.Channels.Count == 0, "case.started is sent without a channel", "channels");
        Note(pilot.EscalationReasons.Count == 0, "case.escalated is sent without a reason", "escalationReasons");
        Note(pilot.IntegrationSystems.Count == 0, "no integration.failure is simulated", "integrationSystems");
        Note(pilot.IntegrationFailureKinds.Count == 0, "no integration.failure is simulated", "integrationFailureKinds");
        Note(pilot.MaintenanceKinds.Count == 0, "no pilot.maintenance is simulated", "maintenanceKinds");
        Note(pilot.Teams.Count == 0, "no survey.staff is simulated", "teams");
        Notes = notes;
    }

    /// <summary>What the vocabulary leaves out, one sentence each; empty when nothing is.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Whether the pilot lists any team (else no staff survey is simulated).</summary>
    public bool HasTeams => _pilot.Teams.Count > 0;

    public string? Channel(string value) => Of(value, _pilot.Channels);

    public string? EscalationReason(string value) => Of(value, _pilot.EscalationReasons);

    public string? IntegrationSystem(string value) => Of(value, _pilot.IntegrationSystems);

    public string? IntegrationFailureKind(string value) => Of(value, _pilot.IntegrationFailureKinds);

    public string? MaintenanceKind(string value) => Of(value, _pilot.MaintenanceKinds);

    public string? Team(string value) => Of(value, _pilot.Teams);

    /// <summary>The value when the list has it, else the list's first value; null when the list is empty.</summary>
    private static string? Of(string value, IReadOnlyList<string> allowed) =>
        allowed.Count == 0 ? null : allowed.Contains(value, StringComparer.Ordinal) ? value : allowed[0];
}
