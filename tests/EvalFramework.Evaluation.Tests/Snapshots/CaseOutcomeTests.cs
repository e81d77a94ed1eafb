using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// What a case's outcome does in a snapshot: every closed case (any outcome) counts in cases_completed, effort, the
/// rates and the data hash; lead times are over resolved cases only; abandoned and rejected cases have their own rates;
/// an outcome <c>escalated</c> counts as escalated without a <c>case.escalated</c> event.
/// </summary>
public sealed class CaseOutcomeTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 60 cases per arm: i % 20 = 1 rejected, 2 escalated (outcome only), 3 open; abandoned when i % 20 = 0 (manual:
    /// 3 cases) or i % 10 = 0 (ai_assisted: 6); the rest resolved. Resolved cases take 10 + i minutes, the others 10
    /// days; abandoned cases took 1,000 s of staff time, the others 100 + i. Manual case 5 has a case.escalated event.
    /// </summary>
    private static CaseRow Row(string arm, int i)
    {
        var abandoned = arm == "manual" ? i % 20 == 0 : i % 10 == 0;
        var outcome = abandoned ? CaseOutcomes.Abandoned
            : (i % 20) switch
            {
                1 => CaseOutcomes.Rejected,
                2 => CaseOutcomes.Escalated,
                3 => null,
                _ => CaseOutcomes.Resolved,
            };
        var started = From.AddHours(i).ToUnixTimeMilliseconds();
        var row = new CaseRow
        {
            CaseId = arm + "-" + i.ToString("D3", CultureInfo.InvariantCulture),
            CaseType = "a-question",
            Arm = arm,
            StartedMs = started,
            CompletedMs = outcome is null ? null
                : started + (outcome == CaseOutcomes.Resolved ? (10 + i) * 60_000L : 10 * 86_400_000L),
            Outcome = outcome,
            EffortSeconds = abandoned ? 1000 : 100 + i,
            Escalations = arm == "manual" && i == 5 ? 1 : 0,
        };
        row.EffortByRole.Add(new RoleEffort("handlaggare", row.EffortSeconds));
        return row;
    }

    private static List<CaseRow> Rows() =>
        [.. new[] { "ai_assisted", "manual" }.SelectMany(arm => Enumerable.Range(0, 60).Select(i => Row(arm, i)))
            .OrderBy(r => r.CaseId, StringComparer.Ordinal)];

    private static SnapshotEngine Engine() =>
        new(new SnapshotRequest("snap-outcome", "demo", From, From.AddDays(14), From.AddDays(15), TestConfig.Load()));

    private static Snapshot Compute(IEnumerable<CaseRow> rows)
    {
        using var engine = Engine();
        foreach (var row in rows)
        {
            engine.AddCase(row);
        }

        return engine.Compute();
    }

    [Fact]
    public void Compute_MixedOutcomes_LeadTimeOverResolvedAndTheRestOverClosedCases()
    {
        var rows = Rows();
        var manual = Compute(rows).CaseTypes.Single().Arms.Single(a => a.Arm == "manual");
        var closed = rows.Where(r => r.Arm == "manual" && r.CompletedMs is not null).ToList();
        var resolved = closed.Where(r => r.Outcome == CaseOutcomes.Resolved).ToList();

        Assert.Equal((57, 48), (closed.Count, resolved.Count));
        Assert.Equal(57, manual[MetricKeys.CasesCompleted].Value);
        // Resolved lead times are 10 + i minutes; the 9 escalated, rejected and abandoned cases' 10 days are left out.
        Assert.Equal(48, manual[MetricKeys.LeadTimeMean].N);
        Assert.Equal(resolved.Average(r => (10 + int.Parse(r.CaseId[^3..], CultureInfo.InvariantCulture)) * 60.0),
            manual[MetricKeys.LeadTimeMean].Value!.Value, 9);
        Assert.Equal(48, manual[MetricKeys.LeadTimeMedian].N);
        Assert.True(manual[MetricKeys.LeadTimeP90].Value < 86_400);
        // Staff time stays over every closed case, the abandoned ones' 1,000 s included.
        Assert.Equal(57, manual[MetricKeys.EffortMean].N);
        Assert.Equal(closed.Average(r => r.EffortSeconds), manual[MetricKeys.EffortMean].Value!.Value, 9);
        Assert.Equal(57, manual[MetricKeys.IntegrationFailureRate].N);
    }

    [Fact]
    public void Compute_MixedOutcomes_AbandonmentRejectionAndEscalationRatesOverClosedCases()
    {
        var arms = Compute(Rows()).CaseTypes.Single().Arms;
        var manual = arms.Single(a => a.Arm == "manual");
        var ai = arms.Single(a => a.Arm == "ai_assisted");

        // Wilson 95 % limits computed independently in Python (statistics.NormalDist().inv_cdf(0.975) for z):
        // 3/57 → [0.01806029563366167, 0.14369550397163527]; 6/57 → [0.049144658523744666, 0.2112281058338703].
        AssertMetric(new MetricValue(3 / 57.0, 0.01806029563366167, 0.14369550397163527, 57), manual[MetricKeys.AbandonmentRate]);
        AssertMetric(new MetricValue(6 / 57.0, 0.049144658523744666, 0.2112281058338703, 57), ai[MetricKeys.AbandonmentRate]);
        Assert.Equal(3 / 57.0, manual[MetricKeys.RejectionRate].Value!.Value, 12);
        Assert.Equal(57, manual[MetricKeys.RejectionRate].N);
        // Escalated: the 3 cases closed 'escalated' (no event) and resolved case 5 with a case.escalated event.
        Assert.Equal(4 / 57.0, manual[MetricKeys.EscalationRate].Value!.Value, 12);
        Assert.Equal(3 / 57.0, ai[MetricKeys.EscalationRate].Value!.Value, 12);
    }

    [Fact]
    public void Compute_MoreAbandonedInTheAiArm_NewcombeComparisonOfAbandonmentRate()
    {
        var comparisons = Compute(Rows()).CaseTypes.Single().Comparisons;

        var abandonment = comparisons.Single(c => c.Metric == MetricKeys.AbandonmentRate);

        // Newcombe's hybrid score interval of 6/57 − 3/57, computed independently in Python from the Wilson limits above:
        // [-0.054335352449570065, 0.16409342812321803].
        Assert.Equal("newcombe_hybrid_score", abandonment.Method);
        Assert.Equal((57, 57), (abandonment.BaselineN, abandonment.TreatmentN));
        Assert.Equal(3 / 57.0, abandonment.Difference!.Value, 12);
        Assert.Equal(-0.054335352449570065, abandonment.CiLow!.Value, 12);
        Assert.Equal(0.16409342812321803, abandonment.CiHigh!.Value, 12);
        var rejection = comparisons.Single(c => c.Metric == MetricKeys.RejectionRate);
        Assert.Equal(0, rejection.Difference!.Value, 12);
    }

    [Fact]
    public void DataSha256_OnlyTheOutcomeDiffers_DifferentHash()
    {
        string Hash(string outcome)
        {
            using var engine = Engine();
            foreach (var row in Rows())
            {
                row.Outcome = row.CaseId == "manual-010" ? outcome : row.Outcome;
                engine.AddCase(row);
            }

            engine.Compute();
            return engine.DataSha256!;
        }

        Assert.NotEqual(Hash(CaseOutcomes.Resolved), Hash(CaseOutcomes.Rejected));
        Assert.Equal(Hash(CaseOutcomes.Rejected), Hash(CaseOutcomes.Rejected));
    }

    private static void AssertMetric(MetricValue expected, MetricValue actual)
    {
        Assert.Equal(expected.N, actual.N);
        Assert.Equal(expected.Value!.Value, actual.Value!.Value, 12);
        Assert.Equal(expected.CiLow!.Value, actual.CiLow!.Value, 12);
        Assert.Equal(expected.CiHigh!.Value, actual.CiHigh!.Value, 12);
    }
}
