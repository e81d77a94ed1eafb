using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.Snapshots;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>The gauge rows of a stored snapshot: each comparison with its role, the pilot-level ones, and older snapshots without roles.</summary>
public sealed class SnapshotGaugeSourceTests
{
    private static readonly DateTimeOffset From = new(2026, 9, 7, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A snapshot of the shipped config's pilot (its analysis plan): 40 closed cases per arm of one case type.</summary>
    private static JsonObject SnapshotJson()
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-g", "demo", From, From.AddDays(28), From.AddDays(45),
            VocabularyLabels.ShippedSettings.Config));
        var id = 0;
        foreach (var arm in new[] { "manual", "ai_assisted" })
        {
            for (var i = 0; i < 40; i++)
            {
                var row = new CaseRow
                {
                    CaseId = (id++).ToString("D5", CultureInfo.InvariantCulture),
                    CaseType = "building-permit-question",
                    Arm = arm,
                    StartedMs = From.AddHours(i * 12).ToUnixTimeMilliseconds(),
                    EffortSeconds = (arm == "manual" ? 600 : 420) + (i % 7 * 11),
                    Reviews = 1,
                    Errors = i % 9 == 0 ? 1 : 0,
                    ReviewsIncorrect = i % 9 == 0 ? 1 : 0,
                    CsatCount = 1,
                    CsatSum = 3 + (i % 3),
                };
                row.CompletedMs = row.StartedMs + ((3000 + (i * 41 % 700)) * 1000L);
                engine.AddCase(row);
            }
        }

        return JsonNode.Parse(engine.ComputeJson())!.AsObject();
    }

    private static SnapshotGauges Rows(JsonObject json) => SnapshotGaugeSource.FromJson(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static IEnumerable<JsonObject> Comparisons(JsonObject json) =>
        json["caseTypes"]!.AsArray().SelectMany(c => c!["comparisons"]!.AsArray()).Select(c => c!.AsObject());

    [Fact]
    public void FromJson_Inference_SequentialFinalOrFixedByTheComparisonAndThePlannedEnd()
    {
        var json = SnapshotJson();
        Assert.All(Rows(json).Comparisons, r => Assert.Equal("fixed", r.Inference));

        // The same snapshot as if its pilot had a planned end: goals and guardrails are final there, exploratory ones fixed,
        // and a comparison stored as sequential stays sequential.
        json["sequential"] = new JsonObject
        {
            ["plannedEnd"] = "2026-10-05T00:00:00.000Z", ["alpha"] = 0.01, ["finalAlpha"] = 0.04, ["plannedCases"] = 2000,
            ["tuningCases"] = 1000, ["rho2"] = 0.0115, ["rho2OneSided"] = 0.0098,
        };
        var primary = Comparisons(json).First(c => (string?)c["role"] == "primary");
        primary["inference"] = "sequential";

        var rows = Rows(json).Comparisons;
        Assert.Equal("sequential", rows.Single(r => r.Metric == (string)primary["metric"]! && r.Role == "primary").Inference);
        Assert.All(rows.Where(r => r.Role == "secondary"), r => Assert.Equal("fixed", r.Inference));
        Assert.All(rows.Where(r => r.Role == "guardrail"), r => Assert.Equal("final", r.Inference));
        Assert.Contains(rows, r => r.Role == "guardrail");
    }

    [Fact]
    public void FromJson_SnapshotWithPlan_EveryComparisonWithItsStoredRole()
    {
        var json = SnapshotJson();
        var expected = Comparisons(json).Select(c => ((string)c["metric"]!, (string)c["role"]!)).ToList();
        Assert.Contains(expected, e => e.Item2 == "primary");
        Assert.Contains(expected, e => e.Item2 == "guardrail");

        var rows = Rows(json);

        Assert.Equal(expected, rows.Comparisons.Where(r => r.CaseType != LatestSnapshotGauges.AllCaseTypes).Select(r => (r.Metric, r.Role)));
    }

    [Fact]
    public void FromJson_PilotComparison_CaseTypeAll()
    {
        var json = SnapshotJson();
        var wellbeing = Comparisons(json).First().DeepClone().AsObject();
        wellbeing["metric"] = MetricKeys.StaffWellbeingMean;
        wellbeing["role"] = "secondary";
        wellbeing["difference"] = 0.25;
        json["pilotComparisons"] = new JsonArray(wellbeing);

        var row = Rows(json).Comparisons.Single(r => r.Metric == MetricKeys.StaffWellbeingMean);

        Assert.Equal((LatestSnapshotGauges.AllCaseTypes, "secondary", 0.25), (row.CaseType, row.Role, row.Difference));
    }

    [Fact]
    public void FromJson_SnapshotWithoutRoles_GuardrailWhereAMarginWasSetElseSecondaryNeverPrimary()
    {
        var json = SnapshotJson();
        json.Remove("analysisPlan");
        var margins = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var c in Comparisons(json))
        {
            c.Remove("role");
            margins[(string)c["metric"]!] = c["nonInferiorityMargin"] is not null;
        }

        var rows = Rows(json);

        Assert.Contains(margins, m => m.Value);
        Assert.All(rows.Comparisons, r => Assert.Equal(margins[r.Metric] ? "guardrail" : "secondary", r.Role));
    }
}
