using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// A realistic, deterministic generator of pilot traffic (pure: no I/O, no clock). Cases of every case type arrive
/// by their profile's volume, season and opening hours; each is allocated to an arm by the configured shares and
/// gets its staff effort, AI usage (non-baseline arms), escalation, integration failure, completion, quality
/// review, reopening or complaint and citizen survey, with the arm's true effects applied; every week brings staff
/// surveys and maintenance. <see cref="Events"/> yields it all in time order, lazily, holding only the future
/// events of open cases. The same settings give the same events.
/// </summary>
public sealed class PilotSimulator
{
    private readonly SimulationModel _model;

    /// <summary>Prepares a simulation.</summary>
    /// <param name="settings">What to simulate; check it first with <see cref="Validate"/> to show every problem.</param>
    /// <exception cref="ArgumentException">The settings, profiles or effects are invalid; the message names every problem.</exception>
    public PilotSimulator(SimulationSettings settings)
    {
        var (model, errors) = SimulationModel.Build(settings);
        if (model is null)
        {
            throw new ArgumentException("Invalid simulation settings: " + string.Join("; ", errors), nameof(settings));
        }

        Settings = settings;
        _model = model;
    }

    /// <summary>The settings.</summary>
    public SimulationSettings Settings { get; }

    /// <summary>The profile of each of the pilot's case types, in the pilot's order.</summary>
    public IReadOnlyList<CaseTypeProfile> Profiles => [.. _model.CaseTypes.Select(c => c.Profile)];

    /// <summary>
    /// What the pilot's vocabulary leaves out of the simulation, one sentence each (e.g. no staff survey when its config
    /// lists no teams); empty when nothing is. Values the config does not list are replaced by its first ones.
    /// </summary>
    public IReadOnlyList<string> Notes => _model.Vocabulary.Notes;

    /// <summary>Checks settings, profiles and effects (each effect against every case type's profile).</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>Every problem, each naming its key (effects: file, line and <c>arm.metric</c>); empty when valid.</returns>
    public static IReadOnlyList<ConfigError> Validate(SimulationSettings settings) => SimulationModel.Build(settings).Errors;

    /// <summary>The simulated events in time order (ties in a fixed order); every enumeration starts again from the beginning.</summary>
    /// <returns>The events from <see cref="SimulationSettings.Start"/> to <see cref="SimulationSettings.End"/>.</returns>
    public IEnumerable<SimulatedEvent> Events()
    {
        var start = Settings.Start.UtcTicks;
        var end = Settings.End.UtcTicks;
        var queue = new EventQueue(start, end);
        var sources = new List<IEventSource>(_model.CaseTypes.Select(c => new ArrivalStream(c, Settings.Seed, start, end, Settings.VolumeScale)))
        {
            new WeeklyActivities(_model.CaseTypes, _model.Vocabulary, Settings.Seed, start, end),
        };

        while (true)
        {
            IEventSource? next = null;
            foreach (var source in sources)
            {
                if (source.NextTicks < end && (next is null || source.NextTicks < next.NextTicks))
                {
                    next = source;
                }
            }

            // Every event not yet made is at or after the next source's time: what is queued before it is final.
            var until = next?.NextTicks ?? long.MaxValue;
            while (queue.TryTakeUntil(until, out var e))
            {
                yield return e!;
            }

            if (next is null)
            {
                yield break;
            }

            next.Produce(queue);
        }
    }
}
