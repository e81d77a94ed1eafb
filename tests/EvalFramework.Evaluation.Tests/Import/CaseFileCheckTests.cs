using EvalFramework.Contract.Tests;
using EvalFramework.Evaluation.Import;

namespace EvalFramework.Evaluation.Tests.Import;

/// <summary>The data check of a case file: every problem names its row and column, never a cell's value.</summary>
public sealed class CaseFileCheckTests
{
    private const string Header = "reference,case_type,arm,started,completed,outcome";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CaseFileReport Check(string csv, string yaml = TestConfig.Valid) =>
        new CaseFileCheck(TestConfig.Pilot(yaml), Now).Check(CsvTable.Parse(csv));

    private static string Rows(params string[] rows) => string.Join("\n", [Header, .. rows]);

    private static string Written(CaseFileReport report)
    {
        using var text = new StringWriter();
        report.Write(text);
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CleanFile_NotRefusedWithCoverageAndCounts()
    {
        var report = Check(Rows(
            "r1,a-question,manual,2025-03-03,2025-03-04T10:00:00+01:00,",
            "r2,a-question,ai_assisted,2025-03-10T08:00:00Z,,",
            "r3,b-advice,manual,2025-03-12,2025-03-13,rejected"));

        Assert.False(report.Refused);
        Assert.Equal(3, report.Cases.Count);
        Assert.Equal("resolved", report.Cases[0].Outcome);
        Assert.Null(report.Cases[1].Outcome);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), report.Cases[0].Completed);
        Assert.Equal([("a-question", "ai_assisted", 1), ("a-question", "manual", 1), ("b-advice", "manual", 1)], report.Counts);
        Assert.Empty(report.WeeksWithoutCases);
    }

    [Fact]
    public void Check_IdentifierInAnyCell_RefusedNamingRowAndColumnOnly()
    {
        var number = IdentifierCorpus.WithExample("{century}{date}{serial}");
        var report = Check(Rows("r1,a-question,manual,2025-03-03,,", "r2,a-question,manual,2025-03-04,,", $"{number},a-question,manual,2025-03-05,,"));

        Assert.True(report.Refused);
        var finding = Assert.Single(report.Identifiers);
        Assert.Equal((4, 1, "reference"), (finding.Row, finding.ColumnNumber, finding.ColumnName));
        Assert.Empty(report.Cases);
        using var text = new StringWriter();
        report.Write(text);
        Assert.Contains("row 4, column reference: a personal identity number", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(IdentifierCorpus.Example.Date, text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IdentifierInAHeaderCell_NamedByPosition()
    {
        var report = Check("reference,case_type,arm,started," + IdentifierCorpus.WithExample("{date}-{serial}") + "\nr1,a-question,manual,2025-03-03,x");

        var finding = Assert.Single(report.Identifiers);
        Assert.Equal((1, 5, null), (finding.Row, finding.ColumnNumber, finding.ColumnName));
        Assert.Equal("row 1, column 5", finding.Where);
        Assert.Contains(report.Errors, e => e.StartsWith("row 1, column 5: not a known column", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MissingRequiredColumn_Refused()
    {
        var report = Check("reference,case_type,started\nr1,a-question,2025-03-03");

        Assert.Contains("row 1: the required column arm is missing", report.Errors);
    }

    [Fact]
    public void Check_BadValues_EachNamedByRowAndColumnWithoutTheValue()
    {
        var report = Check(Rows(
            "r1,a-question,manual,03/03/2025,,",
            "r2,c-secret,manual,2025-03-03,,",
            "r3,a-question,manual,2025-03-05,2025-03-04,",
            "r4,a-question,manual,2025-03-05,,resolved",
            "r5,a-question,manual,2025-03-05T10:00:00,,"));

        Assert.Equal(
        [
            "row 2, column started: not a date (yyyy-MM-dd) or a time with offset (RFC 3339, e.g. 2025-03-04T09:30:00+01:00)",
            "row 3, column case_type: not one of the pilot's case types",
            "row 4, column completed: before started",
            "row 5, column outcome: given for a case without completed",
            "row 6, column started: not a date (yyyy-MM-dd) or a time with offset (RFC 3339, e.g. 2025-03-04T09:30:00+01:00)",
        ], report.Errors);
        Assert.DoesNotContain(report.Errors, e => e.Contains("c-secret", StringComparison.Ordinal) || e.Contains("03/03", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("86401")]
    public void Check_BadEffortSecondsWithItsRole_OnlyTheRealError(string seconds)
    {
        var report = Check("reference,case_type,arm,started,effort_seconds,role\n" + $"r1,a-question,manual,2025-03-03,{seconds},handlaggare");

        Assert.Equal(["row 2, column effort_seconds: not a number of seconds from 0.001 to 86400"], report.Errors);
    }

    [Fact]
    public void Check_EffortSecondsAndRole_EmptyOneOfThePairStillAnError()
    {
        var report = Check("reference,case_type,arm,started,effort_seconds,role\n"
            + "r1,a-question,manual,2025-03-03,600,\n"
            + "r2,a-question,manual,2025-03-03,,handlaggare\n"
            + "r3,a-question,manual,2025-03-03,abc,\n"
            + "r4,a-question,manual,2025-03-03,600,handlaggare");

        Assert.Equal(
        [
            "row 2, column role: empty while effort_seconds is given",
            "row 3, column effort_seconds: empty while role is given",
            "row 4, column effort_seconds: not a number of seconds from 0.001 to 86400",
            "row 4, column role: empty while effort_seconds is given",
        ], report.Errors);
    }

    [Fact]
    public void Check_IdentifierInTheHeaderBeyondTheKnownColumns_ReportedAsColumnNOnce()
    {
        var header = "reference,case_type,arm,started,completed,outcome,effort_seconds,role," + IdentifierCorpus.WithExample("{century}{date}{serial}");
        var report = Check(header + "\nr1,a-question,manual,2025-03-03,,,600,handlaggare,x");

        var finding = Assert.Single(report.Identifiers);
        Assert.Equal((1, 9), (finding.Row, finding.ColumnNumber));
        Assert.Equal("row 1, column 9", finding.Where);
        var text = Written(report);
        Assert.Contains("  row 1, column 9: a personal identity number", text, StringComparison.Ordinal);
        Assert.Contains("  row 1, column 9: not a known column", text, StringComparison.Ordinal);
        Assert.DoesNotContain("column column", text, StringComparison.Ordinal);
        Assert.DoesNotContain(IdentifierCorpus.Example.Date, text, StringComparison.Ordinal);
        Assert.DoesNotContain(IdentifierCorpus.Example.Serial, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IdentifierInACellBeyondTheHeader_ReportedAsColumnNOnce()
    {
        var report = Check("reference,case_type,arm,started\n" + IdentifierCorpus.WithExample("r1,a-question,manual,2025-03-03,{date}-{serial}"));

        var finding = Assert.Single(report.Identifiers);
        Assert.Equal("row 2, column 5", finding.Where);
        var text = Written(report);
        Assert.Contains("  row 2, column 5: a personal identity number", text, StringComparison.Ordinal);
        Assert.DoesNotContain("column column", text, StringComparison.Ordinal);
        Assert.DoesNotContain(IdentifierCorpus.Example.Serial, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusedFile_SummaryCountsOnlyUsableRowsAndSaysNothingWillBeStored()
    {
        var report = Check(Rows(
            "r1,a-question,manual,2025-03-03,,",
            "r2,a-question,manual,2025-03-04,,",
            "r3,a-question,manual,2025-03-05,,",
            "r4,a-question,manual,03/06/2025,,",
            IdentifierCorpus.WithExample("{date}-{serial},b-advice,manual,2025-03-06,,")));

        Assert.True(report.Refused);
        Assert.Empty(report.Cases);
        Assert.Equal(3, report.UsableRows);
        Assert.Equal([("a-question", "manual", 3)], report.Counts);
        var text = Written(report);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("data check: 5 row(s) read, 3 without an error or identifier; the file is refused: no case will be stored", lines[0]);
        Assert.Contains("a-question / manual: 3 row(s) without an error or identifier", lines);
        Assert.DoesNotContain("case(s)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("b-advice", text, StringComparison.Ordinal);
        Assert.Contains("nothing was sent and nothing will be stored: correct the file and check it again", lines);
        Assert.DoesNotContain("passed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HeaderError_RowsNotCheckedAndSaidSo()
    {
        var report = Check("reference,case_type,started\nr1,a-question,2025-03-03\nr2,a-question,2025-03-04");

        Assert.True(report.Refused);
        Assert.Equal(0, report.UsableRows);
        var first = Written(report).Split('\n')[0];
        Assert.Equal("data check: 2 row(s) read, not checked (the header row has an error); the file is refused: no case will be stored", first);
    }

    [Fact]
    public void Check_CleanFile_SummaryUnchanged()
    {
        var text = Written(Check(Rows("r1,a-question,manual,2025-03-03,,", "r2,b-advice,manual,2025-03-04,,")));

        Assert.StartsWith("data check: 2 row(s), 2 case(s) read", text, StringComparison.Ordinal);
        Assert.Contains("  a-question / manual: 1 case(s)", text, StringComparison.Ordinal);
        Assert.Contains("the file passed the data check", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Header)]
    [InlineData(Header + "\n")]
    [InlineData(Header + "\r\n\r\n\n")]
    public void Check_HeaderOnly_RefusedAsAFileWithoutCases(string csv)
    {
        var report = Check(csv);

        Assert.True(report.Refused);
        Assert.Equal(["no data row: the file has a header (row 1) but no case below it, so there is nothing to import"], report.Errors);
        var text = Written(report);
        Assert.StartsWith("data check: 0 row(s) read; the file is refused: no case will be stored", text, StringComparison.Ordinal);
        Assert.DoesNotContain("passed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DuplicateReference_NamesBothRows()
    {
        var report = Check(Rows("r1,a-question,manual,2025-03-03,,", "r2,a-question,manual,2025-03-03,,", "r1,a-question,manual,2025-03-04,,"));

        Assert.Equal(["row 4, column reference: the same reference as row 2"], report.Errors);
    }

    [Fact]
    public void Check_WeeksWithoutCases_ListedAsAWarning()
    {
        // Mondays 2025-03-03 (W10) and 2025-03-31 (W14): weeks 11, 12 and 13 have no case.
        var report = Check(Rows("r1,a-question,manual,2025-03-03,,", "r2,a-question,manual,2025-04-06,,"));

        Assert.False(report.Refused);
        Assert.Equal(["2025-W11", "2025-W12", "2025-W13"], report.WeeksWithoutCases);
        Assert.Contains(report.Warnings, w => w.Contains("3 week(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AiStart_CountsBothSidesAndWarnsWithoutABaselinePeriod()
    {
        var yaml = TestConfig.Valid + """

                design:
                  aiStart: 2025-03-10

            """;
        var both = Check(Rows("r1,a-question,manual,2025-03-03,,", "r2,a-question,ai_assisted,2025-03-10,,"), yaml);
        var afterOnly = Check(Rows("r2,a-question,ai_assisted,2025-03-10,,"), yaml);

        Assert.Equal((1, 1), both.AroundAiStart);
        Assert.Empty(both.Warnings);
        Assert.Contains("no case started before design.aiStart: the file gives no baseline period", afterOnly.Warnings);
    }

    [Fact]
    public void Parse_QuotedFields_CommasQuotesAndLineBreaksKept()
    {
        var table = CsvTable.Parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\n\r\n1,2");

        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["x, y", "say \"hi\"\nthere"], table.Rows[0]);
        Assert.Throws<FormatException>(() => CsvTable.Parse("a\n\"open"));
    }
}
