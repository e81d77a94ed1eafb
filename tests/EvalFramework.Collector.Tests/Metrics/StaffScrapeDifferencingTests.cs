using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>
/// The differencing attack on <c>/metrics</c>: scrape, one <c>survey.staff</c> arrives, scrape again. Whatever the answer
/// said, and whichever arm it came from, the scrapes change in the same way: they may tell that a staff answer arrived,
/// never what it said.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class StaffScrapeDifferencingTests(CollectorFactory collector) : IClassFixture<CollectorFactory>
{
    /// <summary>Series whose values depend on the machine's timing, not on the data.</summary>
    private const string Timing = "evalfw_collector_writer_commit_duration_seconds";

    private static JsonObject Answer(string arm, int score)
    {
        var e = Base("survey.staff", caseId: null);
        e["team"] = "permits";
        e["arm"] = arm;
        e["wellbeing"] = score;
        e["workload"] = score;
        e["stress"] = score;
        return e;
    }

    /// <summary>Each sample of a scrape: series (name and labels) → value.</summary>
    private static Dictionary<string, double> Samples(string text) => text.Split('\n')
        .Where(line => line.Length > 0 && line[0] != '#' && !line.StartsWith(Timing, StringComparison.Ordinal))
        .ToDictionary(line => line[..line.LastIndexOf(' ')], line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    /// <summary>The series that changed from one scrape to the next, each with its change, in order.</summary>
    private static List<string> Changes(Dictionary<string, double> before, Dictionary<string, double> after) =>
        [.. after.Select(s => (s.Key, Change: s.Value - before.GetValueOrDefault(s.Key)))
            .Where(s => s.Change != 0)
            .Select(s => s.Key + " " + s.Change.ToString("R", CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Scrapes_AroundOneStaffAnswer_ChangeTheSameWhateverTheAnswer()
    {
        using var app = collector.WithWebHostBuilder(b => b.UseSetting("Metrics:ScrapeCacheMilliseconds", "0"));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", collector.WriterKey);
        async Task<Dictionary<string, double>> ScrapeAfter(JsonObject answer)
        {
            var posted = await client.PostAsync(answer);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.Equal(1, (int)(await posted.ReadObjectAsync())["accepted"]!);
            return Samples(await client.GetStringAsync("/metrics"));
        }

        var first = Samples(await client.GetStringAsync("/metrics"));
        var second = await ScrapeAfter(Answer("manual", 1));
        var third = await ScrapeAfter(Answer("ai_assisted", 5));

        var afterLow = Changes(first, second);
        var afterHigh = Changes(second, third);

        Assert.NotEmpty(afterLow);
        Assert.Equal(afterLow, afterHigh);
        Assert.DoesNotContain(third.Keys, series => series.StartsWith("evalfw_survey_staff", StringComparison.Ordinal));
    }
}
