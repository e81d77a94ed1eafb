using System.Globalization;
using System.Text.Json;

namespace EvalFramework.Collector.Reports;

/// <summary>
/// Reads stored snapshot JSON into a <see cref="ReportSnapshot"/>. Tolerant of what older snapshots lack (no
/// <c>breakdowns</c>, no <c>settings</c>): missing parts become null or empty, never invented numbers.
/// </summary>
internal static class SnapshotReportReader
{
    public static ReportSnapshot Read(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var period = root.GetProperty("period");
        var methodology = Child(root, "methodology");
        var settings = Child(root, "settings");
        var caseTypes = new List<ReportCaseType>();
        foreach (var caseType in Array(root, "caseTypes"))
        {
            var name = String(caseType, "caseType") ?? "";
            var arms = Array(caseType, "arms").Select(a => new ReportArm(String(a, "arm") ?? "",
                Child(a, "metrics") is { } metrics
                    ? metrics.EnumerateObject().ToDictionary(m => m.Name, m => Value(m.Value), StringComparer.Ordinal)
                    : new Dictionary<string, ReportValue>(StringComparer.Ordinal))).ToList();
            var comparisons = Array(caseType, "comparisons").Select(c => new ReportComparison(name, String(c, "metric") ?? "",
                String(c, "baseline") ?? "", String(c, "treatment") ?? "", Number(c, "difference"), Number(c, "ciLow"),
                Number(c, "ciHigh"), Number(c, "relativeChange"), String(c, "verdict") ?? "", Long(c, "baselineN"),
                Long(c, "treatmentN"), Number(c, "nonInferiorityMargin"), Number(c, "minimumDetectableEffect"),
                Number(c, "minimumDetectableRelativeChange"))).ToList();
            caseTypes.Add(new ReportCaseType(name, arms, comparisons));
        }

        var pilotMetrics = Array(root, "pilotMetrics").Select(m => new ReportPilotMetric(String(m, "metric") ?? "", String(m, "arm"), Value(m)))
            .ToList();
        var baseline = (settings is { } s ? String(s, "baselineArm") : null) ?? caseTypes.SelectMany(c => c.Comparisons).FirstOrDefault()?.Baseline
            ?? caseTypes.SelectMany(c => c.Arms).FirstOrDefault()?.Arm ?? "manual";
        return new ReportSnapshot(
            String(root, "id") ?? "",
            String(root, "pilot") ?? "",
            Time(period, "from"),
            Time(period, "to"),
            Time(root, "createdAt"),
            (methodology is { } m1 ? String(m1, "version") : null) ?? "",
            methodology is { } m2 ? String(m2, "configSha256") : null,
            String(root, "dataSha256") ?? "",
            (settings is { } s1 ? Number(s1, "confidenceLevel") : null) ?? 0.95,
            (int)((settings is { } s2 ? Number(s2, "minSamplePerArm") : null) ?? 30),
            (int)((settings is { } s3 ? Number(s3, "kAnonymity") : null) ?? 5),
            baseline,
            caseTypes,
            pilotMetrics,
            DataQuality(Child(root, "dataQuality")),
            Child(root, "breakdowns") is { } breakdowns ? Breakdowns(breakdowns) : null);
    }

    private static ReportDataQuality DataQuality(JsonElement? element)
    {
        if (element is not { } q)
        {
            return new ReportDataQuality([], 0, 0, 0, 0, 0, [], false, []);
        }

        var ratio = Child(q, "sampleRatio");
        var observed = ratio is { } r && Child(r, "observed") is { } o
            ? o.EnumerateObject().Select(p => new KeyValuePair<string, long>(p.Name, p.Value.GetInt64())).ToList()
            : [];
        return new ReportDataQuality(
            [.. Array(q, "warnings").Select(w => w.GetString() ?? "")],
            Long(q, "casesInPeriod"),
            Long(q, "casesStartedNotCompleted"),
            Long(q, "casesWithoutStart"),
            Long(q, "surveysWithoutCase"),
            Long(q, "suppressedStaffGroups"),
            observed,
            ratio is { } r2 && r2.TryGetProperty("mismatch", out var mismatch) && mismatch.ValueKind == JsonValueKind.True,
            [.. Array(q, "metricsBelowMinimum").Select(w => w.GetString() ?? "")]);
    }

    private static ReportBreakdowns Breakdowns(JsonElement b)
    {
        var weeks = Array(b, "weeks").Select(w => (Time(w, "from"), Number(w, "days") ?? 7)).ToList();
        List<double>? maintenance = Child(b, "weeklyMaintenanceHours") is { } hours ? [.. hours.EnumerateArray().Select(h => h.GetDouble())] : null;
        var arms = new List<ReportArmBreakdown>();
        foreach (var caseType in Array(b, "caseTypes"))
        {
            var name = String(caseType, "caseType") ?? "";
            foreach (var arm in Array(caseType, "arms"))
            {
                var cost = Child(arm, "costPerCaseSek") is { } c
                    ? new ReportCostParts(Number(c, "staff") ?? 0, Number(c, "ai") ?? 0, Number(c, "fixed") ?? 0, Number(c, "maintenance") ?? 0)
                    : null;
                List<long>? weekly = Child(arm, "weeklyCompleted") is { } w ? [.. w.EnumerateArray().Select(n => n.GetInt64())] : null;
                arms.Add(new ReportArmBreakdown(name, String(arm, "arm") ?? "", Long(arm, "n"), cost, Parts(Child(arm, "energyWhPerCase")),
                    Parts(Child(arm, "co2eGPerCase")), weekly, Long(arm, "completedAfterPeriod")));
            }
        }

        return new ReportBreakdowns(weeks, maintenance, arms);
    }

    private static ReportEnergyParts? Parts(JsonElement? element) =>
        element is { } e ? new ReportEnergyParts(Number(e, "workstation") ?? 0, Number(e, "ai") ?? 0) : null;

    private static ReportValue Value(JsonElement e) => new(Number(e, "value"), Number(e, "ciLow"), Number(e, "ciHigh"), Long(e, "n"));

    /// <summary>The property when it is an object or array (not null, not absent).</summary>
    private static JsonElement? Child(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? v
            : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        Child(e, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static long Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;

    private static DateTimeOffset Time(JsonElement e, string name) =>
        DateTimeOffset.Parse(String(e, name) ?? throw new JsonException($"{name}: missing"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);
}
