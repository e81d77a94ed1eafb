using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Metrics;

namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Events of every type for pilot <c>demo</c> of metrics-config/evaluation.yaml, in every case type and arm, and a
/// snapshot with every metric key and comparison of the snapshot contract (docs/snapshots.md).
/// </summary>
internal static class PilotTraffic
{
    public const string Pilot = "demo";

    public static readonly string[] CaseTypes = ["building-permit-question", "direct-procurement-advice", "social-services-documentation"];

    public static readonly string[] Arms = ["manual", "ai_assisted"];

    /// <summary>The snapshot contract's metric keys per case type and arm (docs/snapshots.md, "Metrics").</summary>
    public static readonly string[] MetricKeys =
    [
        "cases_completed", "throughput_per_week", "lead_time_seconds_median", "lead_time_seconds_p90", "lead_time_seconds_mean",
        "effort_seconds_mean", "ai_seconds_mean", "error_rate", "consistency_rate", "escalation_rate", "integration_failure_rate",
        "csat_mean", "csat_satisfied_share", "nps", "survey_response_rate", "cost_per_case_sek", "overhead_per_case_sek", "energy_wh_per_case",
        "co2e_g_per_case", "staff_wellbeing_mean",
    ];

    public static readonly string[] PilotMetricKeys = ["maintenance_hours", "staff_hours_freed_per_month"];

    private static int s_sequence;

    /// <summary>One round: per case type and arm <paramref name="casesPer"/> full cases; staff surveys and maintenance.</summary>
    public static List<JsonObject> Round(int casesPer)
    {
        var events = new List<JsonObject>();
        var now = DateTimeOffset.UtcNow.AddSeconds(-5);
        foreach (var caseType in CaseTypes)
        {
            foreach (var arm in Arms)
            {
                for (var i = 0; i < casesPer; i++)
                {
                    // Pilot demo takes only pseudonymous case ids: 64 lower-case hex digits, as the SDK makes them.
                    var caseId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                        "e2e-" + Interlocked.Increment(ref s_sequence).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"))));
                    events.AddRange(Case(caseId, caseType, arm, now.AddMinutes(-20 - (i * 7)), now.AddSeconds(-i)));
                }
            }
        }

        foreach (var arm in Arms)
        {
            for (var i = 0; i < 10; i++)
            {
                var respondent = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("e2e-staff-" + arm + "-" + i.ToString(CultureInfo.InvariantCulture))));
                events.Add(Event("survey.staff", null, now, new()
                {
                    ["team"] = "kontaktcenter", ["arm"] = arm, ["respondent"] = respondent, ["wellbeing"] = 4, ["workload"] = 3, ["stress"] = 2,
                }));
            }

            events.Add(Event("pilot.maintenance", null, now, new() { ["hours"] = 1.5, ["kind"] = "prompt-update", ["arm"] = arm }));
        }

        return events;
    }

    public static JsonObject Rejected() => Event("case.started", "e2e-bad", DateTimeOffset.UtcNow.AddSeconds(-5), new() { ["arm"] = "manual" });

    public static StringContent Body(IEnumerable<JsonObject> events) =>
        new(new JsonObject { ["events"] = new JsonArray([.. events.Select(e => e.DeepClone())]) }.ToJsonString(), Encoding.UTF8, "application/json");

    public static SnapshotGauges Snapshot()
    {
        var rows = new List<SnapshotMetricRow>();
        var comparisons = new List<SnapshotComparisonRow>();
        string[] verdicts = ["improved", "no_significant_difference", "worsened", "insufficient_data"];
        string[] guardrailVerdicts = ["non_inferior", "inconclusive", "inferior"];
        var v = 0;
        foreach (var caseType in CaseTypes)
        {
            foreach (var (arm, factor) in new[] { ("manual", 1.0), ("ai_assisted", 0.8) })
            {
                rows.AddRange(MetricKeys.Select(m => new SnapshotMetricRow(caseType, arm, m, 10 * factor, 8 * factor, 12 * factor, 40)));
            }

            comparisons.AddRange(MetricKeys.Where(m => RoleOf(m) is not null && m != "staff_wellbeing_mean").Select(m => new SnapshotComparisonRow(
                caseType, m, "manual", "ai_assisted", -2, -3, -1,
                RoleOf(m) == "guardrail" ? guardrailVerdicts[v++ % guardrailVerdicts.Length] : verdicts[v++ % verdicts.Length], RoleOf(m)!)));
        }

        comparisons.Add(new SnapshotComparisonRow(LatestSnapshotGauges.AllCaseTypes, "staff_wellbeing_mean", "manual", "ai_assisted", 0.2, -0.1, 0.5,
            "no_significant_difference", "secondary"));

        rows.AddRange(PilotMetricKeys.Select(m => new SnapshotMetricRow(LatestSnapshotGauges.AllCaseTypes, LatestSnapshotGauges.AllArms, m, 20, 15, 25, 80)));
        return new SnapshotGauges(Pilot, "e2e-snapshot", DateTimeOffset.UtcNow.AddMinutes(-1), rows, comparisons);
    }

    /// <summary>
    /// A metric's role in the shipped config's analysis plan (primary: the three effect goals; guardrails: errors and
    /// CSAT); null for a descriptive metric, which has no comparison.
    /// </summary>
    public static string? RoleOf(string metric) => metric switch
    {
        "effort_seconds_mean" or "cost_per_case_sek" or "consistency_rate" => "primary",
        "error_rate" or "csat_mean" => "guardrail",
        _ when EvalFramework.Evaluation.Snapshots.MetricKeys.IsDescriptive(metric) => null,
        _ => "secondary",
    };

    private static IEnumerable<JsonObject> Case(string caseId, string caseType, string arm, DateTimeOffset started, DateTimeOffset completed)
    {
        var ai = arm == "ai_assisted";
        yield return Event("case.started", caseId, started, new() { ["caseType"] = caseType, ["arm"] = arm });
        yield return Event("human.effort", caseId, started, new() { ["role"] = "handlaggare", ["seconds"] = ai ? 900 : 1200 });
        yield return Event("ai.usage", caseId, started, new()
        {
            ["model"] = ai ? "mistral-small-3.1" : "llama-3.3-70b", ["inputTokens"] = 2000, ["outputTokens"] = 400, ["durationMs"] = 1500,
        });
        yield return Event("case.escalated", caseId, started, new() { ["reason"] = "needs-case-officer" });
        yield return Event("case.error", caseId, started, new() { ["source"] = "quality_review", ["severity"] = "minor" });
        yield return Event("quality.review", caseId, completed, new() { ["correct"] = true, ["consistent"] = true, ["score"] = 4 });
        yield return Event("integration.failure", caseId, started, new() { ["system"] = "case-register", ["kind"] = "timeout" });
        yield return Event("survey.citizen", caseId, completed, new() { ["csat"] = ai ? 4 : 5, ["nps"] = 9 });
        yield return Event("case.completed", caseId, completed, new() { ["outcome"] = "resolved" });
    }

    private static JsonObject Event(string type, string? caseId, DateTimeOffset at, JsonObject extra) =>
        SimulatedPilot.WireEvent("e2e-" + Guid.NewGuid().ToString("N"), type, Pilot, caseId, at, extra);
}
