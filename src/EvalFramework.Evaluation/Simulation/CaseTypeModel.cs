using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>One case type of the simulated pilot: its profile, the roles and model it uses, and its behaviour in every arm; makes its cases.</summary>
internal sealed class CaseTypeModel
{
    private const double TicksPerSecond = TimeSpan.TicksPerSecond;
    private const double TicksPerDay = TimeSpan.TicksPerDay;
    private const double MaxSessionSeconds = 80_000;
    private static readonly string[] EscalationReasons = ["needs-case-officer", "low-confidence", "citizen-request"];
    private static readonly WeightedChoice[] FailureKinds = [new("timeout", 0.5), new("server-error", 0.3), new("unavailable", 0.2)];
    private static readonly WeightedChoice[] ReviewSeverities = [new(ErrorSeverities.Minor, 0.7), new(ErrorSeverities.Major, 0.25), new(ErrorSeverities.Critical, 0.05)];
    private static readonly WeightedChoice[] ComplaintSeverities = [new(ErrorSeverities.Minor, 0.3), new(ErrorSeverities.Major, 0.6), new(ErrorSeverities.Critical, 0.1)];

    private readonly long _seed;
    private readonly double[] _armCumulative;
    private readonly DesignModel? _design;
    private readonly UnitEffects _effects;

    public CaseTypeModel(int index, CaseTypeProfile profile, string primaryRole, string? secondaryRole, string model,
        IReadOnlyList<(ArmBehaviour Behaviour, double Share)> arms, SimulationVocabulary vocabulary, long seed, DesignModel? design = null, double icc = 0)
    {
        _design = design;
        _effects = new UnitEffects(seed, index, icc);
        Index = index;
        Vocabulary = vocabulary;
        Profile = profile;
        PrimaryRole = primaryRole;
        SecondaryRole = secondaryRole;
        Model = model;
        Arms = [.. arms.Select(a => a.Behaviour)];
        _seed = seed;
        var total = arms.Sum(a => a.Share);
        _armCumulative = new double[arms.Count];
        var running = 0.0;
        for (var i = 0; i < arms.Count; i++)
        {
            running += arms[i].Share / total;
            _armCumulative[i] = running;
        }
    }

    /// <summary>The case type's position in the pilot's list (its streams' index).</summary>
    public int Index { get; }

    public CaseTypeProfile Profile { get; }

    public string PrimaryRole { get; }

    public string? SecondaryRole { get; }

    public string Model { get; }

    /// <summary>The behaviour in each arm, in the pilot's arm order.</summary>
    public IReadOnlyList<ArmBehaviour> Arms { get; }

    /// <summary>The values the simulated services may send.</summary>
    public SimulationVocabulary Vocabulary { get; }

    /// <summary>
    /// Makes case <paramref name="number"/>, opened at <paramref name="openedTicks"/>, and adds all its events to the queue.
    /// With a design its arm and unit come from <see cref="DesignModel.Place"/> and its unit's effects apply.
    /// </summary>
    public void AddCase(long number, long openedTicks, EventQueue queue)
    {
        var random = new SeededRandom(StreamSeeds.Derive(_seed, StreamSeeds.CasesBase + Index, number));
        var drawn = ArmIndex(random.NextDouble());
        var opened = EventQueue.Time(openedTicks);
        var reference = string.Create(CultureInfo.InvariantCulture, $"sim-{_seed}-{Index}-{number}");
        var placement = _design?.Place(Index, number, openedTicks, drawn, reference) ?? new CasePlacement(drawn, null, null, -1);
        var arm = Arms[placement.UsedArm];
        var unit = placement.EffectUnit;
        // Every draw is made whatever the vocabulary, so that a value it replaces or leaves out changes no other draw.
        var simulated = new SimulatedCase(reference, Profile.CaseType, arm.Arm, Vocabulary.Channel(random.Choose(Profile.Channels)), opened)
        {
            Assignment = placement.Assignment,
            Team = placement.Team,
        };
        queue.Add(new SimulatedCaseStart(opened, simulated));

        double start = opened.UtcTicks;
        var lead = _effects.LogNormal(random, unit, UnitEffects.LeadTime, arm.LeadTimeMedianSeconds, Profile.LeadTimeSigma) * TicksPerSecond;
        var done = start + lead;
        AddEffort(simulated, _effects.LogNormal(random, unit, UnitEffects.Effort, arm.EffortMedianSeconds, Profile.EffortSigma), start, lead, random, queue);
        if (arm.UsesAi)
        {
            AddAiUsage(simulated, start, lead, random, queue);
        }

        if (random.Chance(_effects.Chance(unit, UnitEffects.Escalated, arm.EscalationRate)))
        {
            queue.Add(new SimulatedEscalation(EventQueue.Time(start + (0.3 * lead)), simulated, Vocabulary.EscalationReason(random.Choose(EscalationReasons))));
        }

        if (random.Chance(arm.IntegrationFailureRate))
        {
            var at = EventQueue.Time(start + (random.NextDouble() * lead));
            var system = Vocabulary.IntegrationSystem(random.Choose(Profile.IntegrationSystems));
            var kind = Vocabulary.IntegrationFailureKind(random.Choose(FailureKinds));
            if (system is not null && kind is not null)
            {
                queue.Add(new SimulatedIntegrationFailure(at, simulated, system, kind));
            }
        }

        var outcome = Outcome(arm, random.NextDouble());
        queue.Add(new SimulatedCaseCompletion(EventQueue.Time(done), simulated, outcome));
        AddQuality(simulated, arm, unit, done, random, queue);
        if (random.Chance(arm.SurveyResponseRate))
        {
            var after = Math.Min(5 * TicksPerDay, random.LogNormal(6 * 3600, 1.0) * TicksPerSecond);
            var nps = random.Chance(Profile.NpsAnswerShare) ? arm.Nps.Sample(random) : (int?)null;
            queue.Add(new SimulatedCitizenSurvey(EventQueue.Time(done + after), simulated, arm.Csat.Sample(random), nps));
        }
    }

    /// <summary>The case's outcome from one uniform draw: abandoned, rejected or resolved by the arm's shares.</summary>
    private static string Outcome(ArmBehaviour arm, double u) =>
        u < arm.AbandonedShare ? CaseOutcomes.Abandoned
        : u < arm.AbandonedShare + arm.RejectedShare ? CaseOutcomes.Rejected
        : CaseOutcomes.Resolved;

    private int ArmIndex(double u)
    {
        for (var i = 0; i < _armCumulative.Length - 1; i++)
        {
            if (u < _armCumulative[i])
            {
                return i;
            }
        }

        return _armCumulative.Length - 1;
    }

    /// <summary>The case's total effort in one to a few sessions spread over its lead time; a second role takes its share on some cases.</summary>
    private void AddEffort(SimulatedCase simulated, double seconds, double start, double lead, SeededRandom random, EventQueue queue)
    {
        if (SecondaryRole is { } secondary && random.Chance(Profile.SecondaryRoleShare))
        {
            var consulted = seconds * Profile.SecondaryEffortShare;
            queue.Add(new SimulatedEffort(EventQueue.Time(start + (0.5 * lead)), simulated, secondary, consulted));
            seconds -= consulted;
        }

        var sessions = Math.Max(random.Chance(0.3) ? 2 : 1, (int)Math.Ceiling(seconds / MaxSessionSeconds));
        for (var i = 0; i < sessions; i++)
        {
            queue.Add(new SimulatedEffort(EventQueue.Time(start + (lead * (i + 1) / (sessions + 1))), simulated, PrimaryRole, seconds / sessions));
        }
    }

    private void AddAiUsage(SimulatedCase simulated, double start, double lead, SeededRandom random, EventQueue queue)
    {
        var calls = 1 + random.Poisson(Profile.AiCallsMean - 1);
        for (var i = 0; i < calls; i++)
        {
            var input = Math.Max(1, (long)Math.Round(random.LogNormal(Profile.InputTokensMedian, 0.4)));
            var output = Math.Max(1, (long)Math.Round(random.LogNormal(Profile.OutputTokensMedian, 0.5)));
            var duration = Math.Round(Profile.AiCallOverheadMs + (output * Profile.MsPerOutputToken * Math.Exp(0.2 * random.Normal())));
            queue.Add(new SimulatedAiUsage(EventQueue.Time(start + (lead * (i + 1) / (calls + 2))), simulated, Model, input, output, duration));
        }
    }

    /// <summary>
    /// Whether the answer is wrong, and what shows it: a failed review (with a <c>case.error</c>) when the case is in
    /// the review sample, a reopened case or a complaint. A right answer gets a passed review and no error, so the
    /// error rate among reviewed cases is the arm's chance of a wrong answer.
    /// </summary>
    private void AddQuality(SimulatedCase simulated, ArmBehaviour arm, int unit, double done, SeededRandom random, EventQueue queue)
    {
        var wrong = random.Chance(_effects.Chance(unit, UnitEffects.Wrong, arm.ErrorRate));
        if (random.Chance(Profile.ReviewShare))
        {
            var at = EventQueue.Time(done + (random.Uniform(1, 10) * TicksPerDay));
            var consistent = random.Chance(_effects.Chance(unit, UnitEffects.Consistent, arm.ConsistencyRate));
            var score = (wrong ? 2 : 4) + (random.Chance(0.5) ? 1 : 0);
            queue.Add(new SimulatedReview(at, simulated, !wrong, consistent, score));
            if (wrong)
            {
                queue.Add(new SimulatedError(at, simulated, ErrorSources.QualityReview, random.Choose(ReviewSeverities)));
            }
        }

        if (wrong && random.Chance(Profile.ReopenShare))
        {
            queue.Add(new SimulatedError(EventQueue.Time(done + (random.Uniform(1, 14) * TicksPerDay)), simulated, ErrorSources.Reopened, ErrorSeverities.Minor));
        }

        if (wrong && random.Chance(Profile.ComplaintShare))
        {
            queue.Add(new SimulatedError(EventQueue.Time(done + (random.Uniform(3, 30) * TicksPerDay)), simulated, ErrorSources.Complaint, random.Choose(ComplaintSeverities)));
        }
    }
}
