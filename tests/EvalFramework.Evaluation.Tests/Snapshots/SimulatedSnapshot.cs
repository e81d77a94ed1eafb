using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Simulation;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Tests.Simulation;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>A snapshot of simulated events, fed to the engine as the collector would feed their case rows.</summary>
internal static class SimulatedSnapshot
{
    /// <summary>
    /// An engine fed with the cases of <paramref name="events"/> started in [<paramref name="from"/>, <paramref name="to"/>),
    /// the staff surveys and the maintenance (the engine takes what falls in the period), for a snapshot of <paramref name="pilot"/> made at <paramref name="createdAt"/>
    /// with <paramref name="config"/> (<paramref name="id"/> its id). Effort is booked on <paramref name="role"/>;
    /// <paramref name="rename"/> maps a simulated case type to one the config knows.
    /// </summary>
    public static SnapshotEngine Engine(EvaluationConfig config, string pilot, IReadOnlyList<SimulatedEvent> events, DateTimeOffset from,
        DateTimeOffset to, DateTimeOffset createdAt, string role = "kommunvagledare", Func<string, string>? rename = null, string id = "snap-sim")
    {
        var engine = new SnapshotEngine(new SnapshotRequest(id, pilot, from, to, createdAt, config));
        foreach (var (reference, c) in SimulatedCases.From(events).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (c.Case.Started < from || c.Case.Started >= to)
            {
                continue;
            }

            var row = new CaseRow
            {
                CaseId = reference,
                CaseType = rename?.Invoke(c.Case.CaseType) ?? c.Case.CaseType,
                Arm = c.Case.Arm,
                StartedMs = c.Case.Started.ToUnixTimeMilliseconds(),
                CompletedMs = c.Completed?.ToUnixTimeMilliseconds(),
                Outcome = c.Outcome,
                EffortSeconds = c.Effort,
                Errors = c.Errors,
                Reviews = c.Reviews,
                ReviewsIncorrect = c.ReviewFailed ? 1 : 0,
                ReviewsConsistencySet = c.Consistent is null ? 0 : 1,
                ReviewsConsistent = c.Consistent == true ? 1 : 0,
                Escalations = c.Escalated ? 1 : 0,
                IntegrationFailures = c.IntegrationFailed ? 1 : 0,
                CsatCount = c.Csat is null ? 0 : 1,
                CsatSum = c.Csat ?? 0,
            };
            row.EffortByRole.Add(new RoleEffort(role, c.Effort));
            if (c.AiCalls > 0)
            {
                row.AiUsage.Add(new ModelUsage("mistral-small-3.1", 800L * c.AiCalls, 200L * c.AiCalls, 0, 0, 0));
            }

            engine.AddCase(row);
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case SimulatedStaffSurvey s:
                    engine.AddStaffSurvey(s.Time, s.Time.AddSeconds(1), s.Team, s.Arm, s.Respondent, s.Wellbeing);
                    break;
                case SimulatedMaintenance m:
                    engine.AddMaintenance(m.Time, m.Hours, m.Arm, m.Kind);
                    break;
            }
        }

        return engine;
    }
}
