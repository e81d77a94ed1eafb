using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using static EvalFramework.Evaluation.Import.CaseFileColumns;

namespace EvalFramework.Evaluation.Import;

/// <summary>
/// Checks a case file before anything of it is stored: the columns, every cell for personal identifiers (the privacy
/// guard, <see cref="IdentifierGuard"/>), each row's types and values against the pilot's vocabulary, duplicate
/// references, the dates covered and the weeks without a case. Messages name rows and columns, never a cell's value;
/// a file without a data row is refused too (nothing to import is a wrong export more often than an intended one).
/// </summary>
/// <param name="pilot">The pilot the cases belong to.</param>
/// <param name="now">The current time: a case cannot start or end later.</param>
public sealed class CaseFileCheck(PilotConfig pilot, DateTimeOffset now)
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Checks a table.</summary>
    public CaseFileReport Check(CsvTable table)
    {
        var errors = new List<string>();
        var columns = HeaderNames(table.Header, errors);
        var identifiers = ScanIdentifiers(table, columns);
        var cases = new List<ImportedCase>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowsChecked = errors.Count == 0;
        if (table.Header.Count > 0 && table.Rows.Count == 0)
        {
            errors.Add("no data row: the file has a header (row 1) but no case below it, so there is nothing to import");
        }

        if (rowsChecked)
        {
            for (var i = 0; i < table.Rows.Count; i++)
            {
                if (ReadRow(table, i, errors) is { } c)
                {
                    if (firstRowOf.TryGetValue(c.Reference, out var earlier))
                    {
                        errors.Add(Invariant($"row {c.Row}, column {Reference}: the same reference as row {earlier}"));
                        continue;
                    }

                    firstRowOf.Add(c.Reference, c.Row);
                    cases.Add(c);
                }
            }
        }

        return Report(table.Rows.Count, rowsChecked, identifiers, errors, cases);
    }

    /// <summary>The name of each header cell, or null when it holds an identifier; unknown, repeated and missing columns are errors.</summary>
    private static List<string?> HeaderNames(IReadOnlyList<string> header, List<string> errors)
    {
        var names = header.Select(h => IdentifierGuard.Find(h) is null ? h : null).ToList();
        if (header.Count == 0)
        {
            errors.Add("the file is empty: the first row must name the columns (" + string.Join(", ", Required) + ")");
            return names;
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (!All.Contains(header[i]))
            {
                errors.Add(Invariant($"row 1, column {names[i] ?? (i + 1).ToString(CultureInfo.InvariantCulture)}: not a known column (known: {string.Join(", ", All)})"));
            }
            else if (IndexOf(header, header[i]) != i)
            {
                errors.Add(Invariant($"row 1, column {header[i]}: named twice"));
            }
        }

        errors.AddRange(Required.Where(r => !header.Contains(r)).Select(r => $"row 1: the required column {r} is missing"));
        if (header.Contains(EffortSeconds) != header.Contains(Role))
        {
            errors.Add($"row 1: columns {EffortSeconds} and {Role} go together");
        }

        if (header.Contains(Team) != header.Contains(AssignedArm))
        {
            errors.Add($"row 1: columns {Team} and {AssignedArm} go together");
        }

        return names;
    }

    /// <summary>Every cell, the header's included, through the privacy guard.</summary>
    private static List<IdentifierFinding> ScanIdentifiers(CsvTable table, List<string?> columns)
    {
        var found = new List<IdentifierFinding>();
        for (var c = 0; c < table.Header.Count; c++)
        {
            if (IdentifierGuard.Find(table.Header[c]) is { } kind)
            {
                found.Add(new IdentifierFinding(1, c + 1, null, kind));
            }
        }

        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            for (var c = 0; c < row.Length; c++)
            {
                if (IdentifierGuard.Find(row[c]) is { } kind)
                {
                    found.Add(new IdentifierFinding(CsvTable.RowNumber(i), c + 1, c < columns.Count ? columns[c] : null, kind));
                }
            }
        }

        return found;
    }

    /// <summary>One data row as a case; null after an error (added, naming the row and column).</summary>
    private ImportedCase? ReadRow(CsvTable table, int index, List<string> errors)
    {
        var row = table.Rows[index];
        var number = CsvTable.RowNumber(index);
        if (row.Length != table.Header.Count)
        {
            errors.Add(Invariant($"row {number}: {row.Length} field(s), the header has {table.Header.Count}"));
            return null;
        }

        var before = errors.Count;
        string? Cell(string column)
        {
            var at = IndexOf(table.Header, column);
            return at < 0 || row[at].Trim().Length == 0 ? null : row[at].Trim();
        }

        void Error(string column, string problem) => errors.Add(Invariant($"row {number}, column {column}: {problem}"));

        string? InVocabulary(string column, IEnumerable<string> vocabulary, string what)
        {
            var value = Cell(column);
            if (value is not null && !vocabulary.Contains(value, StringComparer.Ordinal))
            {
                Error(column, "not one of the pilot's " + what);
            }

            return value;
        }

        var reference = Cell(Reference);
        if (reference is null)
        {
            Error(Reference, "empty");
        }

        var caseType = InVocabulary(CaseType, pilot.CaseTypes, "case types") ?? Missing(CaseType);
        var arm = InVocabulary(Arm, pilot.Arms.Select(a => a.Name), "arms") ?? Missing(Arm);
        var started = Time(Started, Cell(Started)) ?? MissingTime(Started);
        var completed = Time(Completed, Cell(Completed));
        var outcome = InVocabulary(Outcome, CaseOutcomes.All, "outcomes (" + string.Join(", ", CaseOutcomes.All) + ")");
        var effortCell = Cell(EffortSeconds);
        var effort = Seconds(effortCell);
        var role = InVocabulary(Role, pilot.StaffRoles.Keys, "staff roles");
        var channel = InVocabulary(Channel, pilot.Channels, "channels");
        var team = InVocabulary(Team, pilot.Teams, "teams");
        var assigned = InVocabulary(AssignedArm, pilot.Arms.Select(a => a.Name), "arms");
        if (completed is { } end && started is { } start && end < start)
        {
            Error(Completed, "before started");
        }

        if (outcome is not null && Cell(Completed) is null)
        {
            Error(Outcome, "given for a case without completed");
        }

        // Whether each cell is given, not whether it was valid: a bad number is its own error, not also an empty one.
        if ((effortCell is null) != (role is null))
        {
            Error(effortCell is null ? EffortSeconds : Role, "empty while " + (effortCell is null ? Role : EffortSeconds) + " is given");
        }

        if ((team is null) != (assigned is null))
        {
            Error(team is null ? Team : AssignedArm, "empty while " + (team is null ? AssignedArm : Team) + " is given");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new ImportedCase(number, reference!, caseType!, arm!, started!.Value, completed,
            completed is null ? null : outcome ?? CaseOutcomes.Resolved, effort, role, channel, team, assigned);

        string? Missing(string column)
        {
            Error(column, "empty");
            return null;
        }

        DateTimeOffset? MissingTime(string column)
        {
            if (Cell(column) is null)
            {
                Error(column, "empty");
            }

            return null;
        }

        DateTimeOffset? Time(string column, string? text)
        {
            if (text is null)
            {
                return null;
            }

            if (ParseTime(text) is not { } time)
            {
                Error(column, "not a date (yyyy-MM-dd) or a time with offset (RFC 3339, e.g. 2025-03-04T09:30:00+01:00)");
                return null;
            }

            if (time < Earliest || time > now.AddMinutes(5))
            {
                Error(column, "before 2000-01-01 or in the future");
                return null;
            }

            return time;
        }

        double? Seconds(string? text)
        {
            if (text is null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds is < 0.001 or > 86_400)
            {
                Error(EffortSeconds, "not a number of seconds from 0.001 to 86400");
                return null;
            }

            return seconds;
        }
    }

    /// <summary>A date (UTC midnight) or a time with an explicit offset.</summary>
    internal static DateTimeOffset? ParseTime(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && text.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    /// <summary>
    /// The report; its dates, counts and warnings are of the usable rows (no error, no identifier), which are also the
    /// cases to send unless the file is refused.
    /// </summary>
    private CaseFileReport Report(int rows, bool rowsChecked, List<IdentifierFinding> identifiers, List<string> errors, List<ImportedCase> all)
    {
        var withIdentifier = identifiers.Select(f => f.Row).ToHashSet();
        var cases = all.Where(c => !withIdentifier.Contains(c.Row)).ToList();
        var refused = identifiers.Count > 0 || errors.Count > 0;
        var warnings = new List<string>();
        var weeks = EmptyWeeks(cases);
        if (weeks.Count > 0)
        {
            warnings.Add(Invariant($"no case started in {weeks.Count} week(s) between the first and the last ({string.Join(", ", weeks)}): check that the export is complete"));
        }

        (int, int)? around = null;
        if (pilot.Design.AiStart is { } aiStart)
        {
            var before = cases.Count(c => c.Started < aiStart);
            around = (before, cases.Count - before);
            if (before == 0 && cases.Count > 0)
            {
                warnings.Add("no case started before design.aiStart: the file gives no baseline period");
            }
        }

        return new CaseFileReport
        {
            Rows = rows,
            RowsChecked = rowsChecked,
            UsableRows = cases.Count,
            Identifiers = identifiers,
            Errors = errors,
            Warnings = warnings,
            Cases = refused ? [] : cases,
            FirstStarted = cases.Count > 0 ? cases.Min(c => c.Started) : null,
            LastStarted = cases.Count > 0 ? cases.Max(c => c.Started) : null,
            WeeksWithoutCases = weeks,
            Counts = [.. cases.GroupBy(c => (c.CaseType, c.Arm)).OrderBy(g => g.Key.CaseType, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Arm, StringComparer.Ordinal).Select(g => (g.Key.CaseType, g.Key.Arm, g.Count()))],
            AroundAiStart = around,
        };
    }

    /// <summary>The ISO weeks (UTC) from the first start's to the last start's in which no case started.</summary>
    internal static List<string> EmptyWeeks(IReadOnlyCollection<ImportedCase> cases)
    {
        if (cases.Count == 0)
        {
            return [];
        }

        static DateOnly Monday(DateTimeOffset t)
        {
            var day = DateOnly.FromDateTime(t.UtcDateTime);
            return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }

        var seen = cases.Select(c => Monday(c.Started)).ToHashSet();
        var empty = new List<string>();
        for (var week = seen.Min(); week <= seen.Max(); week = week.AddDays(7))
        {
            if (!seen.Contains(week))
            {
                var date = week.ToDateTime(TimeOnly.MinValue);
                empty.Add(Invariant($"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}"));
            }
        }

        return empty;
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
