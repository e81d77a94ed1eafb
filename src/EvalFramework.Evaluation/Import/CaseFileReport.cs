using System.Globalization;
using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Import;

/// <summary>
/// What <see cref="CaseFileCheck"/> found in a case file: identifiers (row and column, never the value), errors and
/// warnings naming rows and columns, the dates covered, weeks without a case, the cases per case type and arm, and the
/// checked cases. A file with an identifier or an error (a file without a data row included) is refused whole. The
/// dates, counts and warnings are of the usable rows: every row of a file that passes; of a refused file, those without
/// an error or identifier, reported as rows (none of them will be stored), never as cases read.
/// </summary>
public sealed class CaseFileReport
{
    private const int MaxLines = 50;
    private const string UsableRowsText = "without an error or identifier";

    /// <summary>The data rows read.</summary>
    public int Rows { get; init; }

    /// <summary>Whether the rows were checked: not when the header row has an error.</summary>
    public bool RowsChecked { get; init; } = true;

    /// <summary>The data rows without an error or identifier (all of them, as <see cref="Cases"/>, when nothing is refused).</summary>
    public int UsableRows { get; init; }

    /// <summary>Cells holding a personal identifier.</summary>
    public IReadOnlyList<IdentifierFinding> Identifiers { get; init; } = [];

    /// <summary>What makes the file unusable, each naming its row and column.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>What a reader should know but does not stop the import (gaps, a missing baseline period).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The checked cases to send: every row when nothing is refused, none when the file is refused.</summary>
    public IReadOnlyList<ImportedCase> Cases { get; init; } = [];

    /// <summary>The earliest start of a usable row, or null without one.</summary>
    public DateTimeOffset? FirstStarted { get; init; }

    /// <summary>The latest start of a usable row, or null without one.</summary>
    public DateTimeOffset? LastStarted { get; init; }

    /// <summary>ISO weeks between the first and last start in which no case started, e.g. <c>2025-W12</c>.</summary>
    public IReadOnlyList<string> WeeksWithoutCases { get; init; } = [];

    /// <summary>Usable rows per case type and arm, ordered.</summary>
    public IReadOnlyList<(string CaseType, string Arm, int Cases)> Counts { get; init; } = [];

    /// <summary>With <c>design.aiStart</c>: the usable rows started before it and at or after it.</summary>
    public (int Before, int After)? AroundAiStart { get; init; }

    /// <summary>Whether the file is refused (an identifier or an error): then nothing may be sent.</summary>
    public bool Refused => Identifiers.Count > 0 || Errors.Count > 0;

    /// <summary>Writes the readable data-check report.</summary>
    public void Write(TextWriter w)
    {
        // A refused file's summary counts rows, not cases: none of them is read as a case or will be stored.
        var unit = Refused ? "row(s) " + UsableRowsText : "case(s)";
        if (!Refused)
        {
            w.WriteLine(Invariant($"data check: {Rows} row(s), {Cases.Count} case(s) read"));
        }
        else
        {
            var rows = Rows == 0 ? "" : RowsChecked ? Invariant($", {UsableRows} {UsableRowsText}") : ", not checked (the header row has an error)";
            w.WriteLine(Invariant($"data check: {Rows} row(s) read{rows}; the file is refused: no case will be stored"));
        }

        if (FirstStarted is { } first && LastStarted is { } last)
        {
            w.WriteLine($"  started from {Day(first)} to {Day(last)}" + (Refused ? " (the rows " + UsableRowsText + ")" : ""));
        }

        foreach (var (caseType, arm, n) in Counts)
        {
            w.WriteLine(Invariant($"  {caseType} / {arm}: {n} {unit}"));
        }

        if (AroundAiStart is { } around)
        {
            w.WriteLine(Invariant($"  before the AI's start (design.aiStart): {around.Before} {unit}; from it on: {around.After}"));
        }

        if (Identifiers.Count > 0)
        {
            w.WriteLine(Invariant($"REFUSED: {Identifiers.Count} cell(s) hold a personal identifier (values not shown); remove them and check again:"));
            Lines(w, Identifiers.Select(f => f.Where + ": " + IdentifierGuard.Describe(f.Kind)));
        }

        if (Errors.Count > 0)
        {
            w.WriteLine(Invariant($"{(Identifiers.Count > 0 ? "also" : "REFUSED:")} {Errors.Count} error(s):"));
            Lines(w, Errors);
        }

        if (Warnings.Count > 0)
        {
            w.WriteLine(Invariant($"{Warnings.Count} warning(s):"));
            Lines(w, Warnings);
        }

        w.WriteLine(Refused ? "nothing was sent and nothing will be stored: correct the file and check it again" : "the file passed the data check");
    }

    private static void Lines(TextWriter w, IEnumerable<string> lines)
    {
        var all = lines.ToList();
        foreach (var line in all.Take(MaxLines))
        {
            w.WriteLine("  " + line);
        }

        if (all.Count > MaxLines)
        {
            w.WriteLine(Invariant($"  … and {all.Count - MaxLines} more"));
        }
    }

    private static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
