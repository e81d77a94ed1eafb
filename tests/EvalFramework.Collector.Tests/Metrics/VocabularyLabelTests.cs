using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;
using static EvalFramework.Collector.Tests.Infrastructure.Events;
using static EvalFramework.Collector.Tests.Infrastructure.PrometheusText;

namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>
/// Metric labels come only from the evaluation config's vocabulary, never from what a client sent: a batch of 60 case
/// types × 5 arms outside it is refused, and a snapshot of a store that holds such values anyway (a database from
/// before the vocabulary was closed) adds gauges only for the configured pilot, case types and arms.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class VocabularyLabelTests : IClassFixture<CollectorFactory>
{
    private static readonly DateTimeOffset From = new(2025, 5, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly CollectorFactory _collector;

    public VocabularyLabelTests(CollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task Snapshot_StoreHoldingValuesOutsideTheVocabulary_GaugesOnlyForVocabularyValues()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var before = Series(await client.GetStringAsync("/metrics"));

        // 600 events: two cases of each of 60 case types × 5 arms, none in the vocabulary. Each is refused, none stored.
        var flood = new List<JsonNode>();
        for (var t = 0; t < 60; t++)
        {
            for (var a = 0; a < 5; a++)
            {
                for (var c = 0; c < 2; c++)
                {
                    flood.Add(Started($"flood-{t}-{a}-{c}", Invariant($"zq-type-{t}"), Invariant($"zq-arm-{a}"), From.AddMinutes(t)));
                }
            }
        }

        var refused = await client.PostAsync([.. flood]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(600, (await refused.ReadObjectAsync())["rejected"]!.AsArray().Count);
        Assert.Equal(0L, _collector.Count("events"));

        // The same values in the store anyway, beside cases of the vocabulary, then a snapshot of them all.
        StoreOldCases();
        var created = await client.PostAsync("/api/v1/snapshots", Json(new JsonObject
        {
            ["pilot"] = CollectorFactory.PilotA, ["from"] = Time(From), ["to"] = Time(From.AddDays(7)),
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        
        // The gauges are loaded after the snapshot is stored, and a scrape's text is reused for 300 ms: wait for them.
        var afterText = "";
        for (var i = 0; i < 100 && !afterText.Contains("evalfw_snapshot_", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            afterText = await client.GetStringAsync("/metrics");
        }

        var after = Series(afterText);

        var added = after.Select(Key).Except(before.Select(Key)).ToList();
        var gauges = after.Where(s => s.Name.StartsWith("evalfw_snapshot_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(gauges);
        string[] caseTypes = [.. TestVocabulary.CaseTypes, "_all"];
        string[] arms = [.. TestVocabulary.Arms, "_all"];
        Assert.All(gauges, s =>
        {
            Assert.Equal(CollectorFactory.PilotA, s.Labels["pilot"]);
            Assert.Contains(s.Labels.GetValueOrDefault("case_type", "_all"), caseTypes);
            Assert.Contains(s.Labels.GetValueOrDefault("arm", "_all"), arms);
            Assert.Contains(s.Labels.GetValueOrDefault("baseline", "manual"), TestVocabulary.Arms);
            Assert.Contains(s.Labels.GetValueOrDefault("treatment", "ai_assisted"), TestVocabulary.Arms);
        });
        Assert.DoesNotContain(after, s => s.Labels.Values.Any(v => v.StartsWith("zq-", StringComparison.Ordinal)));

        // At most every gauge of every vocabulary combination: 4 per (case type or _all) × (arm or _all) × metric, 4 per
        // case type × metric × treatment arm, and the snapshot's time.
        var metrics = gauges.Where(s => s.Labels.ContainsKey("metric")).Select(s => s.Labels["metric"]).Distinct().Count();
        var bound = (4 * caseTypes.Length * arms.Length * metrics) + (4 * TestVocabulary.CaseTypes.Length * metrics * (TestVocabulary.Arms.Length - 1)) + 1;
        Assert.True(added.Count <= bound, $"{added.Count} series added, at most {bound} expected");
    }

    private static string Key((string Name, IReadOnlyDictionary<string, string> Labels) series) =>
        series.Name + "{" + string.Join(",", series.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Case records as a store from before closed vocabularies may hold them: 60 case types × 5 arms outside it, and 3 × 2 inside.</summary>
    private void StoreOldCases()
    {
        var rows = new List<CaseRow>();
        void Add(string caseType, string arm, int n)
        {
            for (var i = 0; i < n; i++)
            {
                var started = From.AddMinutes((rows.Count * 7) + i);
                rows.Add(new CaseRow
                {
                    CaseId = "old-" + rows.Count.ToString(CultureInfo.InvariantCulture),
                    CaseType = caseType,
                    Arm = arm,
                    StartedMs = started.ToUnixTimeMilliseconds(),
                    CompletedMs = started.AddMinutes(30 + i).ToUnixTimeMilliseconds(),
                    Outcome = CaseOutcomes.Resolved,
                    EffortSeconds = 300 + i,
                    Reviews = 1,
                });
            }
        }

        for (var t = 0; t < 60; t++)
        {
            for (var a = 0; a < 5; a++)
            {
                Add(Invariant($"zq-type-{t}"), Invariant($"zq-arm-{a}"), 2);
            }
        }

        foreach (var caseType in TestVocabulary.CaseTypes)
        {
            Add(caseType, "manual", 3);
            Add(caseType, "ai_assisted", 3);
        }

        using var connection = _collector.OpenStore();
        using var transaction = connection.BeginTransaction();
        foreach (var row in rows)
        {
            using var insert = connection.Command(
                "INSERT INTO case_records (pilot, case_id, started_ms, record) VALUES (@pilot, @id, @started, @record)",
                ("@pilot", CollectorFactory.PilotA), ("@id", row.CaseId), ("@started", row.StartedMs), ("@record", CaseRecordCodec.Encode(row)));
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
