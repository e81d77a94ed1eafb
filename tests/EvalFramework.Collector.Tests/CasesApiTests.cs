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
        var prefix = "paging-" + Token();
        const string type = "direct-procurement-advice";
        var start = UnusedHour();
        var events = new List<JsonNode>();
        for (var i = 0; i < 25; i++)
        {
            events.Add(Started($"{prefix}-{i}", type, i % 2 == 0 ? "manual" : "ai_assisted", start.AddMinutes(i)));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync([.. events])).StatusCode);
        using var reader = _collector.ClientWith(_collector.ReaderKey);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        var hour = $"&from={Uri.EscapeDataString(Time(start))}&to={Uri.EscapeDataString(Time(start.AddHours(1)))}";
        do
        {
            var url = $"/api/v1/cases?pilot=pilot-a&caseType={type}&arm=manual&limit=5{hour}" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await reader.GetAsync(url)).ReadObjectAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["caseId"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(13, seen.Count);
        Assert.Equal(13, seen.Distinct().Count());
        Assert.All(seen, id => Assert.StartsWith(prefix + "-", id, StringComparison.Ordinal));
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
        var at = UnusedHour();
        await client.PostAsync(Started(caseId, "social-services-documentation", "ai_assisted", at), AiUsage(caseId, "mistral-small-3.1", 100, 10, 200),
            AiUsage(caseId, "gpt-4o-mini", 1, 2, 3), Effort(caseId, 90), Completed(caseId));

        var page = await (await client.GetAsync(
            $"/api/v1/cases?pilot=pilot-a&caseType=social-services-documentation&from={Uri.EscapeDataString(Time(at))}&to={Uri.EscapeDataString(Time(at.AddHours(1)))}")).ReadObjectAsync();

        var item = page["items"]!.AsArray().Single()!;
        Assert.Equal(101, item["aiInputTokens"]!.GetValue<long>());
        Assert.Equal(12, item["aiOutputTokens"]!.GetValue<long>());
        Assert.Equal(90.0, item["effortSeconds"]!.GetValue<double>());
        Assert.Equal("resolved", item["outcome"]!.GetValue<string>());
        Assert.Equal(caseId, item["caseId"]!.GetValue<string>());
        Assert.Equal(["gpt-4o-mini", "mistral-small-3.1"], item["aiByModel"]!.AsArray().Select(m => m!["model"]!.GetValue<string>()));
        Assert.NotNull(item["leadTimeSeconds"]);
    }

    /// <summary>
    /// A whole hour, in the past year, that no other test writes cases into (the case types are shared): a test reads
    /// back only its own cases by asking for that hour.
    /// </summary>
    private static DateTimeOffset UnusedHour()
    {
        var hour = DateTimeOffset.UtcNow.AddDays(-7).AddHours(-Random.Shared.Next(1, 8_000));
        return new DateTimeOffset(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, TimeSpan.Zero);
    }
}
