using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Cli.Commands;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Cli.Tests;

/// <summary>
/// <c>evalctl report</c> on a snapshot exported from a collector running the demo gives the page the collector serves
/// at <c>/reports/{id}</c>, byte for byte, in both languages.
/// </summary>
[Collection(CollectorCommandsCollection.Name)]
public sealed class ReportCommandDemoTests : IClassFixture<DemoKestrelCollector>, IDisposable
{
    private readonly DemoKestrelCollector _collector;
    private readonly string _dir = Directory.CreateTempSubdirectory("evalctl-report-").FullName;

    public ReportCommandDemoTests(DemoKestrelCollector collector) => _collector = collector;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(args, @out, err, new Dictionary<string, string> { [CollectorRequests.KeyVariable] = _collector.Key });
        return (code, @out.ToString(), err.ToString());
    }

    private async Task<string> DemoSnapshotIdAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var snapshots = JsonNode.Parse(await http.GetStringAsync("api/v1/snapshots?pilot=demo"))!["snapshots"]!.AsArray();
            if (snapshots.Count > 0)
            {
                return snapshots[0]!["id"]!.GetValue<string>();
            }

            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the demo made no snapshot within three minutes");
            await Task.Delay(250);
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public async Task Report_SnapshotExportedFromTheDemo_SameHtmlAsTheCollectorsPage(string lang)
    {
        using var http = new HttpClient { BaseAddress = _collector.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.Key);
        var id = await DemoSnapshotIdAsync(http);
        var exported = Path.Combine(_dir, id + ".json");
        var (exportCode, _, exportErr) = Run("snapshot", "export", "--collector", _collector.Address.ToString(), "--id", id, "--out", exported);
        Assert.True(exportCode == 0, exportErr);
        var served = await http.GetStringAsync("reports/" + id + "?lang=" + lang);

        var (code, html, err) = Run("report", exported, "--lang", lang, "--config", RepoRoot.ShippedConfig);

        Assert.True(code == 0, err);
        Assert.Contains("<html lang=\"" + lang + "\">", html, StringComparison.Ordinal);
        Assert.Contains("Kontaktcenter bygglov", html, StringComparison.Ordinal);
        Assert.Equal(served, html);
    }

    [Fact]
    public async Task Report_OutFile_SameHtmlAsStandardOutput()
    {
        using var http = new HttpClient { BaseAddress = _collector.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.Key);
        var id = await DemoSnapshotIdAsync(http);
        var exported = Path.Combine(_dir, id + ".json");
        Assert.Equal(0, Run("snapshot", "export", "--collector", _collector.Address.ToString(), "--id", id, "--out", exported).Code);
        var file = Path.Combine(_dir, "report.html");

        var (code, output, err) = Run("report", exported, "--out", file);

        Assert.Equal(0, code);
        Assert.Empty(output);
        Assert.Contains("wrote the report of snapshot " + id + " (sv) to " + file, err, StringComparison.Ordinal);
        Assert.Equal(Run("report", exported).Out, File.ReadAllText(file, Encoding.UTF8));
        Assert.Contains("<html lang=\"sv\">", File.ReadAllText(file), StringComparison.Ordinal);
    }

    /// <summary>The demo's stored snapshot, read into the document model and written again, is the same bytes.</summary>
    [Fact]
    public async Task SnapshotDocument_DemoSnapshot_WrittenBackByteForByte()
    {
        using var http = new HttpClient { BaseAddress = _collector.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.Key);
        var stored = await http.GetByteArrayAsync("api/v1/snapshots/" + await DemoSnapshotIdAsync(http));

        var document = SnapshotDocumentReader.Read(stored);

        Assert.NotNull(document.Breakdowns);
        Assert.Equal(stored, SnapshotJsonWriter.Write(document));
    }
}
