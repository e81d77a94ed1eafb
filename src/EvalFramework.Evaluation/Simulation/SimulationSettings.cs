namespace EvalFramework.Evaluation.Simulation;

/// <summary>What to simulate: which pilot, from when and for how long, with which seed and which true effects.</summary>
public sealed record SimulationSettings
{
    /// <summary>The pilot: case types, arms and shares, roles and models (usually <see cref="SimulationPilot.FromConfig"/>).</summary>
    public required SimulationPilot Pilot { get; init; }

    /// <summary>The seed (default 1): the same settings and seed give the same events, on any machine.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>When the simulated period starts; cases arrive from then on.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Length of the period in days (default 90). Cases arrive in it; their events after its end are left out, so cases still open then stay open.</summary>
    public double Days { get; init; } = 90;

    /// <summary>The true effects; <see langword="null"/> (the default) for <see cref="SimulationEffects.Default"/>, of those arms the pilot has.</summary>
    public SimulationEffects? Effects { get; init; }

    /// <summary>Profiles that replace the built-in ones of their case types (default none: <see cref="CaseTypeProfiles.For"/>).</summary>
    public IReadOnlyList<CaseTypeProfile> Profiles { get; init; } = [];

    /// <summary>Multiplies every case type's volume (default 1), for larger loads or quicker tests.</summary>
    public double VolumeScale { get; init; } = 1;

    /// <summary>
    /// How cases reach their arm: units, teams, ICC, non-compliance, before/after (default null: each case on its own,
    /// nothing recorded of its assignment and nothing more drawn, so the events are those of a run without designs).
    /// </summary>
    public SimulationDesign? Design { get; init; }

    /// <summary>The end of the period: <see cref="Start"/> plus <see cref="Days"/>.</summary>
    public DateTimeOffset End => Start.AddDays(Days);
}
