using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// A synthetic pilot whose cases come in units (teams or weeks) that are alike: each case's staff effort is
/// <see cref="Mean"/> + the AI effect (in the AI arm) + the unit's effect (normal, variance ICC·σ²) + the case's own
/// noise (normal, variance (1 − ICC)·σ²), so the intraclass correlation is exactly the ICC asked for. Fed to a
/// <see cref="SnapshotEngine"/> as case rows (one case type, every case resolved), so the coverage tests check the
/// product's own snapshot, not the formula alone.
/// </summary>
internal sealed class ClusteredPilot
{
    /// <summary>The mean effort of a manual case, seconds.</summary>
    public const double Mean = 600;

    /// <summary>The standard deviation of one case's effort, σ (unit effect and case noise together).</summary>
    public const double Sd = 100;

    /// <summary>The true difference AI − manual in mean effort, seconds.</summary>
    public const double Effect = -30;

    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private readonly List<(bool Ai, int Unit, long StartedMs, double Effort, bool Abandoned)> _cases = [];

    private ClusteredPilot(string unit, int days)
    {
        Unit = unit;
        Days = days;
    }

    /// <summary>The design's unit: <c>team</c>, <c>period</c> or <c>case</c>.</summary>
    public string Unit { get; }

    /// <summary>The period's length in days.</summary>
    public int Days { get; }

    /// <summary>Teams assigned to the arms: <paramref name="teamsPerArm"/> teams in each, each of a size uniform on the range, over 28 days.</summary>
    public static ClusteredPilot Teams(Random random, int teamsPerArm, int minSize, int maxSize, double icc)
    {
        var pilot = new ClusteredPilot(AssignmentUnits.Team, 28);
        var teams = Enumerable.Range(0, 2 * teamsPerArm).Select(t => (Ai: t >= teamsPerArm, Effect: random.Normal() * Sd * Math.Sqrt(icc),
            Size: random.Next(minSize, maxSize + 1))).ToList();
        var remaining = teams.Select(t => t.Size).ToArray();
        var total = remaining.Sum();
        // The teams' cases interleaved in time, as cases arrive at the same office.
        for (var i = 0; i < total; i++)
        {
            var team = PickWeighted(random, remaining);
            remaining[team]--;
            pilot.Add(teams[team].Ai, team, From.AddMinutes(28.0 * 24 * 60 * i / total), teams[team].Effect, icc, random);
        }

        return pilot;
    }

    /// <summary>
    /// Teams assigned to the arms with a share as the outcome: each team's chance that a case is abandoned is drawn from
    /// a beta distribution with mean <paramref name="manualShare"/> (manual) or <paramref name="aiShare"/> (AI) and
    /// a + b = 1/ICC − 1, so two cases of one team are abandoned together with intraclass correlation ICC.
    /// </summary>
    public static ClusteredPilot TeamShares(Random random, int teamsPerArm, int minSize, int maxSize, double icc, double manualShare, double aiShare)
    {
        var pilot = new ClusteredPilot(AssignmentUnits.Team, 28);
        var total = (1 / icc) - 1;
        var i = 0;
        for (var team = 0; team < 2 * teamsPerArm; team++)
        {
            var ai = team >= teamsPerArm;
            var mean = ai ? aiShare : manualShare;
            var share = MathNet.Numerics.Distributions.Beta.Sample(random, mean * total, (1 - mean) * total);
            var size = random.Next(minSize, maxSize + 1);
            for (var k = 0; k < size; k++, i++)
            {
                pilot._cases.Add((ai, team, From.AddMinutes(i).ToUnixTimeMilliseconds(), Mean, random.NextDouble() < share));
            }
        }

        return pilot;
    }

    /// <summary>
    /// The same teams, but each case assigned to an arm on its own (a fair coin): the design a case-level analysis is
    /// right for, though the teams' cases are alike.
    /// </summary>
    public static ClusteredPilot CasesInTeams(Random random, int teams, int minSize, int maxSize, double icc)
    {
        var pilot = new ClusteredPilot(AssignmentUnits.Case, 28);
        var i = 0;
        var total = 0;
        var effects = Enumerable.Range(0, teams).Select(_ => (Effect: random.Normal() * Sd * Math.Sqrt(icc), Size: random.Next(minSize, maxSize + 1))).ToList();
        total = effects.Sum(e => e.Size);
        for (var team = 0; team < teams; team++)
        {
            for (var k = 0; k < effects[team].Size; k++, i++)
            {
                pilot.Add(random.NextDouble() < 0.5, team, From.AddMinutes(28.0 * 24 * 60 * i / total), effects[team].Effect, icc, random);
            }
        }

        return pilot;
    }

    /// <summary>
    /// A switchback: <paramref name="weeks"/> weeks, half of them (drawn at random) AI, each week's effect shared by its
    /// cases (a season, <paramref name="season"/>·σ·sin(2π(w + ½)/weeks) in week w, plus a week's own effect of variance
    /// ICC·σ²), week sizes uniform on the range; the cases carry no assignment (the engine puts them in their ISO week).
    /// </summary>
    public static ClusteredPilot Switchback(Random random, int weeks, int minSize, int maxSize, double icc, double season)
    {
        var pilot = new ClusteredPilot(AssignmentUnits.Period, 7 * weeks);
        var ai = Enumerable.Range(0, weeks).Select(w => w < weeks / 2).OrderBy(_ => random.Next()).ToArray();
        for (var week = 0; week < weeks; week++)
        {
            var effect = (season * Sd * Math.Sin(2 * Math.PI * (week + 0.5) / weeks)) + (random.Normal() * Sd * Math.Sqrt(icc));
            var size = random.Next(minSize, maxSize + 1);
            for (var k = 0; k < size; k++)
            {
                pilot.Add(ai[week], week, From.AddDays(7 * week).AddMinutes(7.0 * 24 * 60 * k / size), effect, icc, random);
            }
        }

        return pilot;
    }

    /// <summary>The config of a design: <c>case</c> (no design key), <c>team</c> or <c>period</c> (7-day periods).</summary>
    public static EvaluationConfig Config(string unit) => TestConfig.Load(unit switch
    {
        AssignmentUnits.Case => TestConfig.Valid,
        AssignmentUnits.Period => TestConfig.Valid + "\n    design:\n      unit: period\n      periodLength: 7d\n",
        _ => TestConfig.Valid + TestConfig.SixteenTeams + "\n    design:\n      unit: " + unit + "\n",
    });

    /// <summary>The effort comparison of the snapshot of this pilot under <paramref name="config"/>.</summary>
    public ComparisonResult EffortComparison(EvaluationConfig config) => Effort(Snapshot(config));

    /// <summary>The effort comparison of a snapshot.</summary>
    public static ComparisonResult Effort(Snapshot snapshot) => snapshot.CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.EffortMean);

    /// <summary>The snapshot of this pilot under <paramref name="config"/>.</summary>
    public Snapshot Snapshot(EvaluationConfig config)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("cov", "demo", From, From.AddDays(Days), From.AddDays(Days + 20), config));
        var row = new CaseRow();
        for (var i = 0; i < _cases.Count; i++)
        {
            var (ai, unit, startedMs, effort, abandoned) = _cases[i];
            row.Clear();
            row.CaseId = "c" + i.ToString("D6", CultureInfo.InvariantCulture);
            row.CaseType = "a-question";
            row.Arm = ai ? "ai_assisted" : "manual";
            row.StartedMs = startedMs;
            row.CompletedMs = startedMs + 600_000;
            row.Outcome = abandoned ? CaseOutcomes.Abandoned : CaseOutcomes.Resolved;
            row.EffortSeconds = effort;
            if (Unit == AssignmentUnits.Team)
            {
                row.AssignedArm = row.Arm;
                row.AssignmentUnit = Unit;
                row.AssignmentUnitId = "team-" + unit.ToString(CultureInfo.InvariantCulture);
            }

            engine.AddCase(row);
        }

        return engine.Compute();
    }

    /// <summary>Whether a comparison's interval covers the true effect.</summary>
    public static bool Covers(ComparisonResult c) => c.CiLow <= Effect && Effect <= c.CiHigh;

    private void Add(bool ai, int unit, DateTimeOffset started, double unitEffect, double icc, Random random) =>
        _cases.Add((ai, unit, started.ToUnixTimeMilliseconds(), Mean + (ai ? Effect : 0) + unitEffect + (random.Normal() * Sd * Math.Sqrt(1 - icc)), false));

    private static int PickWeighted(Random random, int[] remaining)
    {
        var u = random.Next(remaining.Sum());
        var i = 0;
        while (u >= remaining[i])
        {
            u -= remaining[i++];
        }

        return i;
    }
}
