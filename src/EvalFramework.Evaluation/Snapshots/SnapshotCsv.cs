using System.Globalization;
using System.Text;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The long CSV of a snapshot (<c>case_type,arm,metric,value,ci_low,ci_high,n</c>), made from the stored JSON bytes (read by
/// <see cref="SnapshotDocumentReader"/>) so it is as immutable as they are. Numbers are written as the JSON has them;
/// empty cells are nulls.
/// Per-arm metrics: one row per case type, arm and metric key. Comparisons: <c>arm</c> is
/// <c>"&lt;treatment&gt; vs &lt;baseline&gt;"</c> and <c>metric</c> is the key with a suffix: <c>.difference</c>
/// (with the interval; n = treatment n), <c>.relative_change</c>, <c>.p_value</c>, <c>.adjusted_p_value</c>,
/// <c>.minimum_detectable_effect</c>, <c>.verdict</c> (the verdict word as the value), and in snapshots with an analysis
/// plan <c>.role</c> (<c>primary</c>, <c>guardrail</c> or <c>secondary (exploratory)</c>) and <c>.unit</c>, and for a
/// guardrail <c>.non_inferiority_margin</c> and <c>.non_inferiority_bound</c>, where the snapshot records it
/// <c>.inference</c> (<c>sequential</c>: a confidence sequence, safe to check every day; or <c>fixed</c>), and where some
/// case did not comply with its assignment <c>.as_treated_difference</c> (with its interval). With assignments,
/// <c>_pilot</c> rows per assigned arm <c>compliance.assigned_cases</c> and <c>compliance.non_compliant</c>, and
/// <c>compliance.without_assignment</c> for <c>_all</c>. Pilot-level
/// metrics and comparisons: <c>case_type</c> is <c>_pilot</c> and <c>arm</c> is the arm or <c>_all</c>.
/// </summary>
public static class SnapshotCsv
{
    /// <summary>The CSV header line.</summary>
    public const string Header = "case_type,arm,metric,value,ci_low,ci_high,n";

    /// <summary>The case_type of pilot-level rows.</summary>
    public const string PilotLevel = "_pilot";

    /// <summary>The arm of rows that cover all arms.</summary>
    public const string AllArms = "_all";

    /// <summary>Converts snapshot JSON to the long CSV (LF line ends, UTF-8 without BOM when encoded).</summary>
    /// <param name="snapshotJson">The stored snapshot bytes.</param>
    /// <returns>The CSV text.</returns>
    public static string FromJson(ReadOnlyMemory<byte> snapshotJson) => From(SnapshotDocumentReader.Read(snapshotJson));

    /// <summary>The long CSV of a snapshot document (LF line ends).</summary>
    /// <param name="snapshot">The document.</param>
    /// <returns>The CSV text.</returns>
    public static string From(SnapshotDocument snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var caseType in snapshot.CaseTypes)
        {
            var type = caseType.CaseType;
            foreach (var arm in caseType.Arms)
            {
                foreach (var (metric, value) in arm.Metrics)
                {
                    Row(csv, type, arm.Arm, metric, Number(value.Value), Number(value.CiLow), Number(value.CiHigh), Count(value.N));
                }
            }

            foreach (var c in caseType.Comparisons)
            {
                Comparison(csv, type, c);
            }
        }

        foreach (var metric in snapshot.PilotMetrics)
        {
            Row(csv, PilotLevel, metric.Arm ?? AllArms, metric.Metric, Number(metric.Value.Value), Number(metric.Value.CiLow),
                Number(metric.Value.CiHigh), Count(metric.Value.N));
        }

        foreach (var c in snapshot.PilotComparisons ?? [])
        {
            Comparison(csv, PilotLevel, c);
        }

        if (snapshot.Compliance is { } compliance)
        {
            foreach (var (arm, n) in compliance.AssignedCases)
            {
                Row(csv, PilotLevel, arm, "compliance.assigned_cases", Count(n), "", "", Count(n));
                Row(csv, PilotLevel, arm, "compliance.non_compliant", Count(compliance.NonCompliant.GetValueOrDefault(arm)), "", "", Count(n));
            }

            Row(csv, PilotLevel, AllArms, "compliance.without_assignment", Count(compliance.WithoutAssignment), "", "",
                Count(compliance.WithoutAssignment));
        }

        return csv.ToString();
    }

    /// <summary>
    /// A comparison's rows; <c>.role</c> (with <c>exploratory</c> for a secondary one) and <c>.unit</c> when it has a role,
    /// for a guardrail <c>.non_inferiority_margin</c> and <c>.non_inferiority_bound</c>, and <c>.inference</c> when recorded.
    /// </summary>
    private static void Comparison(StringBuilder csv, string caseType, ComparisonResult c)
    {
        var pair = c.Treatment + " vs " + c.Baseline;
        var n = Count(c.TreatmentN);
        Row(csv, caseType, pair, c.Metric + ".difference", Number(c.Difference), Number(c.CiLow), Number(c.CiHigh), n);
        Row(csv, caseType, pair, c.Metric + ".relative_change", Number(c.RelativeChange), "", "", n);
        Row(csv, caseType, pair, c.Metric + ".p_value", Number(c.PValue), "", "", n);
        Row(csv, caseType, pair, c.Metric + ".adjusted_p_value", Number(c.AdjustedPValue), "", "", n);
        Row(csv, caseType, pair, c.Metric + ".minimum_detectable_effect", Number(c.MinimumDetectableEffect), "", "", n);
        Row(csv, caseType, pair, c.Metric + ".verdict", c.Verdict, "", "", n);
        if (c.Role is { } role)
        {
            Row(csv, caseType, pair, c.Metric + ".role", role == ComparisonRoles.Secondary ? role + " (exploratory)" : role, "", "", n);
            Row(csv, caseType, pair, c.Metric + ".unit", c.Unit, "", "", n);
            if (role == ComparisonRoles.Guardrail)
            {
                Row(csv, caseType, pair, c.Metric + ".non_inferiority_margin", Number(c.NonInferiorityMargin), "", "", n);
                Row(csv, caseType, pair, c.Metric + ".non_inferiority_bound", Number(c.NonInferiorityBound), "", "", n);
            }
        }

        if (c.AsTreated is { } treated)
        {
            Row(csv, caseType, pair, c.Metric + ".as_treated_difference", Number(treated.Difference), Number(treated.CiLow),
                Number(treated.CiHigh), n);
        }

        if (c.Inference is { } inference)
        {
            Row(csv, caseType, pair, c.Metric + ".inference", inference, "", "", n);
        }
    }

    /// <summary>A number as the JSON has it (shortest round-trip form, the writer's), or an empty cell for null.</summary>
    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var cell = cells[i] ?? "";
            if (cell.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }

        csv.Append('\n');
    }
}
