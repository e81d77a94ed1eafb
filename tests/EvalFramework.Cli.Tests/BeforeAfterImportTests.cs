using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Cli.Commands;

namespace EvalFramework.Cli.Tests;

/// <summary>
/// From a CSV to a before/after snapshot: two teams' cases imported (one assigned the AI from design.aiStart, one kept
/// manual), then a snapshot made by the collector: its comparisons are differences in differences of the imported data.
/// </summary>
[Collection(CollectorCommandsCollection.Name)]
public sealed class BeforeAfterImportTests(BeforeAfterKestrelCollector collector) : IClassFixture<BeforeAfterKestrelCollector>, IDisposable
{
    private const int CasesPerCell = 40;
    private readonly string _directory = Directory.CreateTempSubdirectory("evalctl-before-after-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run([.. args, "--collector", collector.Address.ToString()], @out, err, new Dictionary<string, string>
        {
            [CollectorRequests.KeyVariable] = collector.Key,
            [ImportCommand.PseudonymKeyVariable] = "before-after-pilot-secret-0123456789",
        });
        return (code, @out.ToString(), err.ToString());
    }

    /// <summary>
    /// Effort per case is the same pattern in every cell plus a shift: the season adds 50 s after the start in both teams
    /// and the AI takes 120 s off, so the difference in differences is −120 s exactly.
    /// </summary>
    [Fact]
    public void ImportThenSnapshot_TwoTeamsAroundTheAiStart_DifferenceInDifferencesOfTheImportedCases()
    {
        var csv = new StringBuilder("reference,case_type,arm,started,completed,outcome,effort_seconds,role,team,assigned_arm\n");
        var n = 0;
        foreach (var (team, assigned) in new[] { ("upphandling", "manual"), ("kontaktcenter", "ai_assisted") })
        {
            foreach (var after in new[] { false, true })
            {
                for (var i = 0; i < CasesPerCell; i++)
                {
                    var day = new DateTime(2025, 3, after ? 17 : 3, 8, 0, 0, DateTimeKind.Utc).AddDays(i % 14).AddMinutes(n);
                    var seconds = 400 + (17 * (i % 9)) + (after ? 50 : 0) + (after && assigned == "ai_assisted" ? -120 : 0);
                    csv.Append(CultureInfo.InvariantCulture,
                        $"ba-{n++:D4},building-permit-question,{(after ? assigned : "manual")},{day:yyyy-MM-ddTHH:mm:ss}Z,{day.AddHours(2):yyyy-MM-ddTHH:mm:ss}Z,resolved,{seconds},kommunvagledare,{team},{assigned}\n");
                }
            }
        }

        var file = Path.Combine(_directory, "cases.csv");
        File.WriteAllText(file, csv.ToString());
        var snapshotFile = Path.Combine(_directory, "snapshot.json");

        var (importCode, imported, _) = Run("import", file, "--pilot", "demo", "--config", BeforeAfterKestrelCollector.ConfigPath);
        var (snapshotCode, _, snapshotErr) = Run("snapshot", "create", "--pilot", "demo", "--from", "2025-03-03", "--to", "2025-03-31", "--out", snapshotFile);

        Assert.Equal(ExitCodes.Ok, importCode);
        Assert.Contains("before the AI's start (design.aiStart): 80 case(s); from it on: 80", imported, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, snapshotCode);
        var snapshot = JsonNode.Parse(File.ReadAllBytes(snapshotFile))!;
        var section = snapshot["beforeAfter"]!;
        Assert.True(section["concurrentControl"]!.GetValue<bool>(), snapshotErr);
        Assert.True(section["cases"]!["before"]!["ai_assisted"] is not null, section.ToJsonString());
        Assert.Equal(40, section["cases"]!["before"]!["ai_assisted"]!.GetValue<long>());
        Assert.Equal(40, section["cases"]!["after"]!["manual"]!.GetValue<long>());
        var effort = snapshot["caseTypes"]!.AsArray().Single(c => c!["caseType"]!.GetValue<string>() == "building-permit-question")!["comparisons"]!
            .AsArray().Single(c => c!["metric"]!.GetValue<string>() == "effort_seconds_mean")!;
        Assert.Equal("difference_in_differences_welch", effort["method"]!.GetValue<string>());
        Assert.Equal(-120, effort["difference"]!.GetValue<double>(), 1e-9);
    }
}
