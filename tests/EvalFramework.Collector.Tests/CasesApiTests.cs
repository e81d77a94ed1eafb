using System.Net;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>One suite, run on SQLite and on PostgreSQL (<see cref="StorageSuites"/>).</summary>
public abstract class CasesApiTests<TCollector>(TCollector collector) : IClassFixture<TCollector>
    where TCollector : CollectorFactory
{
    private readonly TCollector _collector = collector;

    [StorageFact]
    public async Task GetCases_FiltersAndPages_ReturnsEachMatchingCaseOnce()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var type = "paging-" + Token();
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var events = new List<JsonNode>();
        for (var i = 0; i < 25; i++)
        {
            events.Add(Started($"{type}-{i}", type, i % 2 == 0 ? "manual" : "ai_assisted", start.AddMinutes(i)));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync([.. events])).StatusCode);
        using var reader = _collector.ClientWith(_collector.ReaderKey);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/cases?pilot=pilot-a&caseType={type}&arm=manual&limit=5" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await reader.GetAsync(url)).ReadObjectAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["caseId"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(13, seen.Count);
        Assert.Equal(13, seen.Distinct().Count());
        Assert.Equal(3, pages);

        var from = Uri.EscapeDataString(Time(start.AddMinutes(10)));
        var to = Uri.EscapeDataString(Time(start.AddMinutes(20)));
        var window = await (await reader.GetAsync($"/api/v1/cases?pilot=pilot-a&caseType={type}&from={from}&to={to}&limit=100")).ReadObjectAsync();
        Assert.Equal(10, window["items"]!.AsArray().Count);
    }

    [StorageFact]
    public async Task GetCases_CaseWithAiUsage_ReportsTotalsAndPerModel()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = "ai-" + Guid.NewGuid().ToString("N");
        var type = "ai-type-" + Token();
        await client.PostAsync(Started(caseId, type, "ai_assisted"), AiUsage(caseId, "m-a", 100, 10, 200), AiUsage(caseId, "m-b", 1, 2, 3), Effort(caseId, 90), Completed(caseId));

        var page = await (await client.GetAsync($"/api/v1/cases?pilot=pilot-a&caseType={type}")).ReadObjectAsync();

        var item = page["items"]!.AsArray().Single()!;
        Assert.Equal(101, item["aiInputTokens"]!.GetValue<long>());
        Assert.Equal(12, item["aiOutputTokens"]!.GetValue<long>());
        Assert.Equal(90.0, item["effortSeconds"]!.GetValue<double>());
        Assert.Equal("resolved", item["outcome"]!.GetValue<string>());
        Assert.Equal(["m-a", "m-b"], item["aiByModel"]!.AsArray().Select(m => m!["model"]!.GetValue<string>()));
        Assert.NotNull(item["leadTimeSeconds"]);
    }
}
