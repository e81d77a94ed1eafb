using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Cli.Commands;

namespace EvalFramework.Cli.Tests;

[Collection(CollectorCommandsCollection.Name)]
public sealed class PurgeCommandTests(KestrelCollector collector) : IClassFixture<KestrelCollector>
{
    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(["purge", .. args, "--collector", collector.Address.ToString()], @out, err,
            new Dictionary<string, string> { [CollectorRequests.KeyVariable] = collector.Key });
        return (code, @out.ToString(), err.ToString());
    }

    [Fact]
    public async Task Purge_OldCase_DeletedAndCountsPrinted()
    {
        var old = new DateTimeOffset(2020, 5, 4, 9, 0, 0, TimeSpan.Zero);
        var caseId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)); // pilot demo takes pseudonyms only
        var events = new JsonArray(
            new JsonObject
            {
                ["id"] = "pc" + Guid.NewGuid().ToString("N"), ["type"] = "case.started", ["pilot"] = KestrelCollector.Pilot,
                ["time"] = old.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture), ["caseId"] = caseId,
                ["caseType"] = "building-permit-question", ["arm"] = "manual",
            });
        using var http = new HttpClient { BaseAddress = collector.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", collector.Key);
        (await http.PostAsync("api/v1/events", new StringContent(new JsonObject { ["events"] = events }.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var (code, output, _) = Run("--pilot", KestrelCollector.Pilot, "--before", "2021-01-01");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"purged pilot '.+' before 2021-01-01: [1-9]\d* events, [1-9]\d* cases", output);
    }

    [Fact]
    public void Purge_BadDate_Exit1WithTheCollectorsProblem()
    {
        var (code, _, err) = Run("--pilot", KestrelCollector.Pilot, "--before", "someday");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("400", err, StringComparison.Ordinal);
        Assert.Contains("before", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Purge_MissingBefore_UsageError()
    {
        var (code, _, err) = Run("--pilot", KestrelCollector.Pilot);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("missing --before", err, StringComparison.Ordinal);
    }
}
