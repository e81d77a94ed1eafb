using System.Text;

namespace EvalFramework.Cli.Tests;

/// <summary><c>evalctl report</c>'s command line and the files it cannot use, with evalctl's exit codes.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("evalctl-report-args-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(["report", .. args], @out, err, new Dictionary<string, string>());
        return (code, @out.ToString(), err.ToString());
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text, Encoding.UTF8);
        return path;
    }

    [Fact]
    public void Report_NoSnapshot_ExitsTwoWithUsage()
    {
        var (code, output, err) = Run();

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("missing <snapshot.json>", err, StringComparison.Ordinal);
        Assert.Contains("usage: evalctl report <snapshot.json>", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lang", "de", "--lang must be sv or en")]
    [InlineData("--format", "pdf", "unknown argument '--format'")]
    [InlineData("--out", null, "--out needs a value")]
    public void Report_WrongArgument_ExitsTwoNamingIt(string name, string? value, string message)
    {
        var snapshot = File("s.json", "{}");

        var (code, _, err) = value is null ? Run(snapshot, name) : Run(snapshot, name, value);

        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TwoSnapshots_ExitsTwo()
    {
        var (code, _, err) = Run("a.json", "b.json");

        Assert.Equal(2, code);
        Assert.Contains("expected exactly one <snapshot.json>", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MissingFile_ExitsOneSayingItCannotRead()
    {
        var path = Path.Combine(_dir, "nope.json");

        var (code, output, err) = Run(path);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("evalctl report: cannot read " + path, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Directory_ExitsOneSayingItCannotRead()
    {
        var (code, _, err) = Run(_dir);

        Assert.Equal(1, code);
        Assert.Contains("evalctl report: cannot read " + _dir, err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"id":"snap-x","pilot":"demo"}""")]
    [InlineData("[]")]
    public void Report_NotASnapshot_ExitsOneSayingSo(string text)
    {
        var path = File("bad.json", text);

        var (code, output, err) = Run(path);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("evalctl report: " + path + " is not a snapshot's JSON", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_InvalidConfig_ExitsOneWithItsProblems()
    {
        var snapshot = File("s.json", """
            {"id":"snap-x","pilot":"demo","period":{"from":"2025-01-06T00:00:00.000Z","to":"2025-02-03T00:00:00.000Z"},
             "createdAt":"2025-02-03T10:00:00.000Z","dataSha256":"ab","caseTypes":[],"pilotMetrics":[]}
            """);
        var config = File("evaluation.yaml", "pilots: nope\n");

        var (code, output, err) = Run(snapshot, "--config", config);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("evalctl report: the config " + config + " is not valid", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithoutConfig_PilotNamedBySlugInSwedish()
    {
        var snapshot = File("s.json", """
            {"id":"snap-x","pilot":"demo","period":{"from":"2025-01-06T00:00:00.000Z","to":"2025-02-03T00:00:00.000Z"},
             "createdAt":"2025-02-03T10:00:00.000Z","dataSha256":"ab","caseTypes":[],"pilotMetrics":[]}
            """);

        var (code, html, _) = Run(snapshot);

        Assert.Equal(0, code);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Utvärderingsrapport: demo</h1>", html, StringComparison.Ordinal);
    }
}
