using System.Globalization;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// What happens once a week, Monday to Sunday in Swedish local time, beside the cases: each team answers the staff
/// survey on Friday afternoon (per arm, each member with the profile's response rate), and maintenance is
/// reported: in each AI arm prompt updates every Wednesday (median 2 h), a model update every fourth Thursday
/// (median 4 h) and staff training on the first Monday of the period (1.5 h per team member); in the baseline arm knowledge-base
/// updates every Tuesday (median 0.75 h). Teams and maintenance kinds come from the pilot's vocabulary
/// (<see cref="SimulationVocabulary"/>): without teams no staff survey, without maintenance kinds no maintenance.
/// Each team member is a person with a level of their own: a well-being value drawn once from the arm's distribution;
/// each week they answer it with probability <see cref="OwnLevelShare"/>, else a fresh draw from the same distribution.
/// So an arm's answers keep the arm's distribution (and its effect), and one person's answers are correlated (intraclass
/// correlation ¼: two answers share the level when both take it), as repeated answers of real people are.
/// </summary>
internal sealed class WeeklyActivities : IEventSource
{
    private const double TrainingHoursPerMember = 1.5;

    /// <summary>How often a member answers their own level rather than a fresh draw (the intraclass correlation is its square).</summary>
    private const double OwnLevelShare = 0.5;

    /// <summary>Each member's own well-being level, by team, arm and member number (stable across weeks).</summary>
    private readonly Dictionary<(string Team, string Arm), int[]> _levels = [];
    private readonly IReadOnlyList<(string Name, CaseTypeProfile Team, IReadOnlyList<ArmBehaviour> Arms, DiscreteDistribution Workload, DiscreteDistribution Stress)> _teams;
    private readonly IReadOnlyList<ArmBehaviour> _arms;
    private readonly SimulationVocabulary _vocabulary;
    private readonly bool _surveys;
    private readonly long _seed;
    private readonly long _startTicks;
    private readonly long _endTicks;
    private readonly DateTime _firstMonday;
    private long _week;
    private bool _trained;

    public WeeklyActivities(IReadOnlyList<CaseTypeModel> caseTypes, SimulationVocabulary vocabulary, long seed, long startTicks, long endTicks)
    {
        // A team that handles several case types answers once, with the profile of its first case type; a team the
        // vocabulary does not list answers as its first team.
        _vocabulary = vocabulary;
        _surveys = vocabulary.HasTeams;
        _teams = [.. caseTypes.Where(c => c.Profile.TeamSizePerArm > 0)
            .GroupBy(c => vocabulary.Team(c.Profile.Team) ?? c.Profile.Team, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Profile, g.First().Arms, new DiscreteDistribution(1, g.First().Profile.WorkloadWeights),
                new DiscreteDistribution(1, g.First().Profile.StressWeights)))];
        _arms = caseTypes.Count > 0 ? caseTypes[0].Arms : [];
        _seed = seed;
        var member = 0L;
        foreach (var (name, team, arms, _, _) in _teams)
        {
            foreach (var arm in arms)
            {
                _levels[(name, arm.Arm)] = [.. Enumerable.Range(0, team.TeamSizePerArm)
                    .Select(_ => arm.Wellbeing.Sample(new SeededRandom(StreamSeeds.Derive(seed, StreamSeeds.Staff, member++))))];
            }
        }

        _startTicks = startTicks;
        _endTicks = endTicks;
        var local = SwedishTime.ToLocal(new DateTime(startTicks, DateTimeKind.Utc)).Date;
        _firstMonday = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        NextTicks = WeekStart(0);
    }

    /// <inheritdoc />
    public long NextTicks { get; private set; }

    /// <inheritdoc />
    public void Produce(EventQueue queue)
    {
        var random = new SeededRandom(StreamSeeds.Derive(_seed, StreamSeeds.Weeks, _week));
        foreach (var (name, team, arms, workload, stress) in _surveys ? _teams : [])
        {
            foreach (var arm in arms)
            {
                var levels = _levels[(name, arm.Arm)];
                for (var i = 0; i < levels.Length; i++)
                {
                    if (random.NextDouble() >= team.StaffSurveyResponseRate)
                    {
                        continue;
                    }

                    var wellbeing = random.NextDouble() < OwnLevelShare ? levels[i] : arm.Wellbeing.Sample(random);
                    queue.Add(new SimulatedStaffSurvey(At(4, 13 + random.Uniform(0, 3)), name, arm.Arm,
                        string.Create(CultureInfo.InvariantCulture, $"{name}/{arm.Arm}/{i + 1}"), wellbeing, workload.Sample(random), stress.Sample(random)));
                }
            }
        }

        var training = At(0, 9);
        var trainingWeek = !_trained && training.UtcTicks >= _startTicks;
        _trained |= trainingWeek;
        foreach (var arm in _arms)
        {
            if (!arm.UsesAi)
            {
                Maintain(At(1, 10 + random.Uniform(0, 6)), Hours(random.LogNormal(0.75, 0.5)), "knowledge-base-update", arm.Arm);
                continue;
            }

            Maintain(At(2, 10 + random.Uniform(0, 6)), Hours(random.LogNormal(2, 0.5)), "prompt-update", arm.Arm);
            if (_week % 4 == 3)
            {
                Maintain(At(3, 13), Hours(random.LogNormal(4, 0.4)), "model-update", arm.Arm);
            }

            if (trainingWeek && _teams.Sum(t => t.Team.TeamSizePerArm) is > 0 and var members)
            {
                Maintain(training, TrainingHoursPerMember * members, "staff-training", arm.Arm);
            }
        }

        void Maintain(DateTimeOffset at, double hours, string kind, string arm)
        {
            if (_vocabulary.MaintenanceKind(kind) is { } listed)
            {
                queue.Add(new SimulatedMaintenance(at, hours, listed, arm));
            }
        }

        _week++;
        NextTicks = WeekStart(_week);
    }

    /// <summary>Hours as a person reports them: to the hundredth, at least 0.01 (the contract wants more than 0).</summary>
    private static double Hours(double hours) => Math.Max(0.01, Math.Round(hours, 2, MidpointRounding.AwayFromZero));

    private long WeekStart(long week)
    {
        var ticks = SwedishTime.ToUtc(_firstMonday.AddDays(7 * week)).Ticks;
        return ticks < _endTicks ? ticks : long.MaxValue;
    }

    /// <summary>This week's day (0 = Monday) at a local hour, as an event time.</summary>
    private DateTimeOffset At(int day, double hour) =>
        EventQueue.Time(SwedishTime.ToUtc(_firstMonday.AddDays((7 * _week) + day).AddHours(hour)).Ticks);
}
