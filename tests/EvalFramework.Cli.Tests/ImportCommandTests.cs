using EvalFramework.Cli.Commands;
using EvalFramework.Contract.Tests;

namespace EvalFramework.Cli.Tests;

/// <summary>
/// <c>evalctl import</c> against a real collector: the data check is printed before anything is sent, a file with one
/// personal identity number in one cell is refused whole (row and column named, the value never printed, nothing
/// stored), and a clean file is stored once however often it is imported.
/// </summary>
[Collection(CollectorCommandsCollection.Name)]
public sealed class ImportCommandTests(KestrelCollector collector) : IClassFixture<KestrelCollector>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evalctl-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int Code, string Out, string Err) Run(string file, params string[] args)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(["import", file, "--pilot", KestrelCollector.Pilot, "--config", RepoRoot.ShippedConfig, .. args,
                "--collector", collector.Address.ToString()], @out, err,
            new Dictionary<string, string>
            {
                [CollectorRequests.KeyVariable] = collector.Key,
                [ImportCommand.PseudonymKeyVariable] = "a-pilot-secret-of-32-characters!",
            });
        return (code, @out.ToString(), err.ToString());
    }

    /// <summary>A case file of three cases with fresh references; <paramref name="channelOfSecond"/> is the second case's channel.</summary>
    private string File(string prefix, string channelOfSecond)
    {
        var lines = new[]
        {
            "reference,case_type,arm,started,completed,outcome,effort_seconds,role,channel",
            $"{prefix}-1,building-permit-question,manual,2025-03-03,2025-03-04T10:00:00+01:00,resolved,600,kommunvagledare,phone",
            $"{prefix}-2,building-permit-question,manual,2025-03-05T09:00:00Z,,,,,\"{channelOfSecond}\"",
            $"{prefix}-3,building-permit-question,ai_assisted,2025-03-06,2025-03-06T15:30:00Z,escalated,300,kommunvagledare,email",
        };
        var path = Path.Combine(_directory, prefix + ".csv");
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private static string Prefix() => "ref" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public void Import_OneIdentityNumberInOneCell_RefusedWholeNamingRowAndColumnNothingStored()
    {
        var prefix = Prefix();
        var identityNumber = IdentifierCorpus.WithExample("{date}-{serial}");

        var (code, output, err) = Run(File(prefix, "phone " + identityNumber));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("row 3, column channel: a personal identity number", output, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", output, StringComparison.Ordinal);
        var (_, date, serial) = IdentifierCorpus.Example;
        Assert.DoesNotContain(date, output + err, StringComparison.Ordinal);
        Assert.DoesNotContain(serial, output + err, StringComparison.Ordinal);
        Assert.DoesNotContain("sent", err, StringComparison.Ordinal);

        // The same cases without the identifier: all new to the collector, so nothing of the refused file was stored.
        var (cleanCode, cleanOutput, _) = Run(File(prefix, "phone"));
        Assert.Equal(ExitCodes.Ok, cleanCode);
        Assert.Contains("imported 3 case(s) as 7 event(s): 7 stored, 0 already stored, 0 refused", cleanOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CleanFile_ReportFirstThenStoredOnceWhenImportedTwice()
    {
        var file = File(Prefix(), "visit");

        var (code, output, err) = Run(file);
        var (againCode, again, _) = Run(file);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(output.IndexOf("data check: 3 row(s), 3 case(s) read", StringComparison.Ordinal)
            < output.IndexOf("imported 3 case(s)", StringComparison.Ordinal), output);
        Assert.Contains("started from 2025-03-03 to 2025-03-06", output, StringComparison.Ordinal);
        Assert.Contains("building-permit-question / manual: 2 case(s)", output, StringComparison.Ordinal);
        Assert.Contains("7 stored, 0 already stored", output, StringComparison.Ordinal);
        Assert.Contains("sent 7 of 7 events", err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, againCode);
        Assert.Contains("0 stored, 7 already stored", again, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CheckOnly_ReportsAndSendsNothing()
    {
        var prefix = Prefix();
        var (code, output, _) = Run(File(prefix, "phone"), "--check-only");
        var (_, real, _) = Run(File(prefix, "phone"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("the file passed the data check", output, StringComparison.Ordinal);
        Assert.DoesNotContain("imported", output, StringComparison.Ordinal);
        Assert.Contains("7 stored, 0 already stored", real, StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Import_HeaderOnlyFile_RefusedEvenWhenOnlyChecked()
    {
        var file = Write("header-only.csv", "reference,case_type,arm,started,completed,outcome,effort_seconds,role,channel");

        var (code, output, err) = Run(file);
        var (checkCode, checkOutput, _) = Run(file, "--check-only");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Equal(ExitCodes.Failed, checkCode);
        Assert.Equal(output, checkOutput);
        Assert.StartsWith("data check: 0 row(s) read; the file is refused: no case will be stored", output, StringComparison.Ordinal);
        Assert.Contains("  no data row: the file has a header (row 1) but no case below it, so there is nothing to import", output, StringComparison.Ordinal);
        Assert.DoesNotContain("passed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("sent", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RefusedFile_OneErrorPerBadEffortAndASummaryThatStoresNothing()
    {
        var prefix = Prefix();
        var file = Write(prefix + ".csv",
            "reference,case_type,arm,started,completed,outcome,effort_seconds,role,channel",
            $"{prefix}-1,building-permit-question,manual,2025-03-03,,,600,kommunvagledare,phone",
            $"{prefix}-2,building-permit-question,manual,2025-03-04,,,abc,kommunvagledare,phone",
            $"{prefix}-3,building-permit-question,manual,2025-03-05,,,-5,kommunvagledare,phone",
            $"{prefix}-4,building-permit-question,manual,2025-03-06,,,300,kommunvagledare,phone");

        var (code, output, err) = Run(file);

        Assert.Equal(ExitCodes.Failed, code);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("data check: 4 row(s) read, 2 without an error or identifier; the file is refused: no case will be stored", lines[0]);
        Assert.Contains("building-permit-question / manual: 2 row(s) without an error or identifier", lines);
        Assert.Contains("REFUSED: 2 error(s):", lines);
        Assert.Contains("row 3, column effort_seconds: not a number of seconds from 0.001 to 86400", lines);
        Assert.Contains("row 4, column effort_seconds: not a number of seconds from 0.001 to 86400", lines);
        Assert.DoesNotContain("empty while", output, StringComparison.Ordinal);
        Assert.DoesNotContain("case(s)", output, StringComparison.Ordinal);
        Assert.Contains("nothing was sent and nothing will be stored: correct the file and check it again", lines);
        Assert.DoesNotContain("sent", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NoPseudonymKey_UsageErrorAfterTheCheck()
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(["import", File(Prefix(), "phone"), "--pilot", KestrelCollector.Pilot, "--config", RepoRoot.ShippedConfig,
            "--collector", collector.Address.ToString()], @out, err, new Dictionary<string, string> { [CollectorRequests.KeyVariable] = collector.Key });

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(ImportCommand.PseudonymKeyVariable, err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NoFile_UsageError()
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();

        Assert.Equal(ExitCodes.Usage, EvalCtl.Run(["import", "--pilot", "demo"], @out, err));
        Assert.Contains("give the case file first", err.ToString(), StringComparison.Ordinal);
    }
}
