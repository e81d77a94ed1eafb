using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>A simulated before/after pilot of 56 days from 3 March 2025, made into a snapshot by the engine.</summary>
internal static class BeforeAfterPilots
{
    /// <summary>The pilot's first day.</summary>
    public static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The effort comparison of a snapshot of <paramref name="rows"/> under <paramref name="config"/>: each case of
    /// <c>a-question</c> assigned to its team's arm (<c>Assigned</c>), handled manually before the AI's start and in its
    /// assigned arm after it, resolved an hour after it started.
    /// </summary>
    public static ComparisonResult Effort(IReadOnlyList<(int Day, string Team, string Assigned, bool After, double Effort)> rows, EvaluationConfig config)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("cov", "demo", From, From.AddDays(56), From.AddDays(58), config));
        var row = new CaseRow();
        for (var i = 0; i < rows.Count; i++)
        {
            var (day, team, assigned, after, effort) = rows[i];
            row.Clear();
            row.CaseId = "c" + i.ToString("D4", CultureInfo.InvariantCulture);
            row.CaseType = "a-question";
            row.Arm = after ? assigned : "manual";
            (row.AssignedArm, row.AssignmentUnit, row.AssignmentUnitId) = (assigned, AssignmentUnits.Team, team);
            row.StartedMs = From.AddDays(day).AddMinutes(i % 600).ToUnixTimeMilliseconds();
            row.CompletedMs = row.StartedMs + 3_600_000;
            row.Outcome = CaseOutcomes.Resolved;
            row.EffortSeconds = effort;
            engine.AddCase(row);
        }

        return engine.Compute().CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.EffortMean);
    }
}
