using System.Globalization;
using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>Reads a pilot's <c>design</c>: <c>unit</c>, <c>periodLength</c>, <c>aiStart</c>, <c>plannedEnd</c>, <c>minUnitsPerArm</c> and <c>plannedCases</c>.</summary>
internal sealed class DesignReader(ErrorSink errors)
{
    private static readonly string[] _designKeys = ["unit", "shares", "periodLength", "aiStart", "plannedEnd", "minUnitsPerArm", "plannedCases"];

    /// <summary>The design of one pilot; the default when the key is absent; null after an error (reported).</summary>
    /// <param name="m">The pilot's mapping.</param>
    public DesignConfig? Read(MappingReader m)
    {
        if (m.Mapping("design", false) is not { } node)
        {
            return m.Get("design", false) is null ? DesignConfig.Default : null;
        }

        var before = errors.Count;
        var d = new MappingReader(errors, node, m.KeyOf("design"), _designKeys);
        if (d.Get("shares", false) is { } shares)
        {
            // One place for the shares: the arms carry them (arms[].share), so a second copy could disagree.
            errors.At(shares, d.KeyOf("shares"), "the arms' shares are set in arms[].share; remove design.shares");
        }

        var unit = d.Text("unit", false, u => AssignmentUnits.All.Contains(u), "must be one of " + string.Join(", ", AssignmentUnits.All));
        var period = d.Text("periodLength", false, p => ParseDays(p) is not null, "must be a whole number of days, e.g. 7d");
        if (unit == AssignmentUnits.Period && d.Get("periodLength", false) is null)
        {
            errors.At(d.NodeOf("unit"), d.KeyOf("periodLength"), "is required when unit is period (e.g. periodLength: 7d)");
        }
        else if (unit != AssignmentUnits.Period && period is not null)
        {
            errors.At(d.NodeOf("periodLength"), d.KeyOf("periodLength"), "applies only when unit is period");
        }

        var aiStart = d.Text("aiStart", false, s => ParseDate(s) is not null, "must be a date as yyyy-MM-dd");
        var plannedEnd = d.Text("plannedEnd", false, s => ParseDate(s) is not null, "must be a date as yyyy-MM-dd");
        if (aiStart is not null && plannedEnd is not null && ParseDate(plannedEnd) <= ParseDate(aiStart))
        {
            errors.At(d.NodeOf("plannedEnd"), d.KeyOf("plannedEnd"), "must be after aiStart (" + aiStart + ")");
        }

        var minUnits = d.Integer("minUnitsPerArm", false, x => x >= 2, "must be a whole number of at least 2 (a cluster-robust interval needs two units per arm)");
        var plannedCases = d.Integer("plannedCases", false, x => x >= 100, "must be a whole number of at least 100 (cases per case type, both arms, by plannedEnd)");
        if (plannedCases is not null && plannedEnd is null)
        {
            errors.At(d.NodeOf("plannedCases"), d.KeyOf("plannedCases"), "applies only with plannedEnd (it tunes the looks before the end)");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new DesignConfig
        {
            Unit = unit ?? AssignmentUnits.Case,
            PeriodDays = period is null ? null : ParseDays(period),
            AiStart = aiStart is null ? null : ParseDate(aiStart),
            PlannedEnd = plannedEnd is null ? null : ParseDate(plannedEnd),
            MinUnitsPerArm = minUnits ?? ConfigDefaults.MinUnitsPerArm,
            PlannedCases = plannedCases,
            IsConfigured = true,
        };
    }

    /// <summary>A period length as whole days: <c>7d</c> → 7 (1 to 366).</summary>
    internal static int? ParseDays(string text) =>
        text.Length > 1 && text[^1] == 'd' && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
        && days is >= 1 and <= 366 ? days : null;

    /// <summary>A date as UTC midnight.</summary>
    internal static DateTimeOffset? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
