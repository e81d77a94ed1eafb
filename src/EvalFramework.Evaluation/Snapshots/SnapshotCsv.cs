using System.Text;
using System.Text.Json;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The long CSV of a snapshot (<c>case_type,arm,metric,value,ci_low,ci_high,n</c>), made from the stored JSON bytes so
/// it is as immutable as they are. Numbers are copied digit for digit from the JSON; empty cells are nulls.
/// Per-arm metrics: one row per case type, arm and metric key. Comparisons: <c>arm</c> is
/// <c>"&lt;treatment&gt; vs &lt;baseline&gt;"</c> and <c>metric</c> is the key with a suffix: <c>.difference</c>
/// (with the interval; n = treatment n), <c>.relative_change</c>, <c>.p_value</c>, <c>.adjusted_p_value</c>,
/// <c>.minimum_detectable_effect</c> and <c>.verdict</c> (the verdict word as the value). Pilot-level metrics:
/// <c>case_type</c> is <c>_pilot</c> and <c>arm</c> is the arm or <c>_all</c>.
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
    public static string FromJson(ReadOnlyMemory<byte> snapshotJson)
    {
        using var document = JsonDocument.Parse(snapshotJson);
        var root = document.RootElement;
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var caseType in root.GetProperty("caseTypes").EnumerateArray())
        {
            var type = caseType.GetProperty("caseType").GetString()!;
            foreach (var arm in caseType.GetProperty("arms").EnumerateArray())
            {
                var name = arm.GetProperty("arm").GetString()!;
                foreach (var metric in arm.GetProperty("metrics").EnumerateObject())
                {
                    Row(csv, type, name, metric.Name, Raw(metric.Value, "value"), Raw(metric.Value, "ciLow"), Raw(metric.Value, "ciHigh"), Raw(metric.Value, "n"));
                }
            }

            foreach (var c in caseType.GetProperty("comparisons").EnumerateArray())
            {
                var pair = c.GetProperty("treatment").GetString() + " vs " + c.GetProperty("baseline").GetString();
                var metric = c.GetProperty("metric").GetString();
                var n = Raw(c, "treatmentN");
                Row(csv, type, pair, metric + ".difference", Raw(c, "difference"), Raw(c, "ciLow"), Raw(c, "ciHigh"), n);
                Row(csv, type, pair, metric + ".relative_change", Raw(c, "relativeChange"), "", "", n);
                Row(csv, type, pair, metric + ".p_value", Raw(c, "pValue"), "", "", n);
                Row(csv, type, pair, metric + ".adjusted_p_value", Raw(c, "adjustedPValue"), "", "", n);
                Row(csv, type, pair, metric + ".minimum_detectable_effect", Raw(c, "minimumDetectableEffect"), "", "", n);
                Row(csv, type, pair, metric + ".verdict", c.GetProperty("verdict").GetString()!, "", "", n);
            }
        }

        foreach (var metric in root.GetProperty("pilotMetrics").EnumerateArray())
        {
            var arm = metric.GetProperty("arm").GetString() ?? AllArms;
            Row(csv, PilotLevel, arm, metric.GetProperty("metric").GetString()!, Raw(metric, "value"), Raw(metric, "ciLow"), Raw(metric, "ciHigh"), Raw(metric, "n"));
        }

        return csv.ToString();
    }

    private static string Raw(JsonElement element, string property)
    {
        var value = element.GetProperty(property);
        return value.ValueKind == JsonValueKind.Null ? "" : value.GetRawText();
    }

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
