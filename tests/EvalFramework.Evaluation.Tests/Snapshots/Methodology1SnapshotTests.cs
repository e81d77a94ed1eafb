using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// A snapshot made with methodology 1.0.0 (before analysis plans, roles, outcomes and per-person staff figures), as the
/// engine of that version wrote it (<c>tests/Fixtures/snapshot-methodology-1-demo.json</c>): it keeps its bytes and reads
/// without any of the new parts.
/// </summary>
public sealed class Methodology1SnapshotTests
{
    private static readonly byte[] Stored = File.ReadAllBytes(Path.Combine(RepoRoot.Path, "tests", "Fixtures", "snapshot-methodology-1-demo.json"));

    [Fact]
    public void Write_WhatTheReaderRead_SameBytesAsStored()
    {
        var document = SnapshotDocumentReader.Read(Stored);

        Assert.Equal(Stored, SnapshotJsonWriter.Write(document));
    }

    [Fact]
    public void Read_NoPlanNoRolesNoPilotComparisons()
    {
        var document = SnapshotDocumentReader.Read(Stored);

        Assert.Equal("1.0.0", document.MethodologyVersion);
        Assert.Null(document.Plan);
        Assert.Null(document.PilotComparisons);
        Assert.Null(document.DefaultEnd);
        Assert.Null(document.Settings.FollowUpDays);
        var comparisons = document.CaseTypes.SelectMany(c => c.Comparisons).ToList();
        Assert.NotEmpty(comparisons);
        Assert.All(comparisons, c => Assert.Null(c.Role));
        Assert.Contains(comparisons, c => c.Metric == MetricKeys.AiSecondsMean); // compared then, descriptive now: shown as stored
    }

    [Fact]
    public void Csv_OfTheStoredBytes_NoRoleRows()
    {
        var csv = SnapshotCsv.FromJson(Stored);

        Assert.StartsWith(SnapshotCsv.Header + "\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(".role,", csv, StringComparison.Ordinal);
        Assert.Contains(".verdict,", csv, StringComparison.Ordinal);
    }
}
