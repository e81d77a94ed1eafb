using System.Globalization;
using System.Text.Json;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// Reads snapshot JSON into a <see cref="SnapshotDocument"/>: the one reader of what <see cref="SnapshotJsonWriter"/>
/// writes, so writing what it reads gives the same bytes. Tolerant of what older snapshots lack (no <c>settings</c>, no
/// <c>breakdowns</c>, no <c>dataQuality</c>): missing parts become defaults, null or empty, never invented numbers. A
/// null where the model holds a plain number (a sample-ratio p-value, a cost part) is read as NaN, which the writer
/// writes as null again.
/// </summary>
public static class SnapshotDocumentReader
{
    /// <summary>Reads a snapshot document.</summary>
    /// <param name="json">The snapshot's UTF-8 JSON bytes.</param>
    /// <returns>The document.</returns>
    /// <exception cref="JsonException">The bytes are not JSON, or not a snapshot (no id, pilot, period or creation time).</exception>
    public static SnapshotDocument Read(ReadOnlyMemory<byte> json)
    {
        // A file saved by an editor may start with a UTF-8 byte order mark; the stored bytes never do.
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a snapshot is a JSON object");
        }

        var period = Child(root, "period") ?? throw new JsonException("period: missing");
        var methodology = Child(root, "methodology");
        var settings = Child(root, "settings");
        var caseTypes = Array(root, "caseTypes").Select(CaseType).ToList();
        var baseline = (settings is { } s ? String(s, "baselineArm") : null)
            ?? caseTypes.SelectMany(c => c.Comparisons).FirstOrDefault()?.Baseline
            ?? caseTypes.SelectMany(c => c.Arms).FirstOrDefault()?.Arm
            ?? "manual";
        return new SnapshotDocument(
            String(root, "id") ?? throw new JsonException("id: missing"),
            String(root, "pilot") ?? throw new JsonException("pilot: missing"),
            Time(period, "from"),
            Time(period, "to"),
            Time(root, "createdAt"),
            (methodology is { } m1 ? String(m1, "version") : null) ?? "",
            methodology is { } m2 ? String(m2, "configSha256") : null,
            String(root, "dataSha256") ?? "",
            new SnapshotSettings(
                (settings is { } s1 ? Number(s1, "confidenceLevel") : null) ?? 0.95,
                (int)((settings is { } s2 ? Long(s2, "minSamplePerArm") : null) ?? 30),
                (int)((settings is { } s3 ? Long(s3, "kAnonymity") : null) ?? 5),
                baseline,
                (int)((settings is { } s4 ? Long(s4, "bootstrapReplicates") : null) ?? 0),
                settings is { } s5 && Long(s5, "followUpDays") is { } followUp ? (int)followUp : null),
            caseTypes,
            [.. Array(root, "pilotMetrics").Select(m => new PilotMetric(String(m, "metric") ?? "", String(m, "arm"), Value(m)))],
            DataQuality(Child(root, "dataQuality")),
            Child(root, "breakdowns") is { } breakdowns ? Breakdowns(breakdowns) : null,
            Child(root, "analysisPlan") is { } plan ? Plan(plan) : null,
            Child(root, "pilotComparisons") is { } pilotComparisons ? [.. pilotComparisons.EnumerateArray().Select(Comparison)] : null,
            Bool(period, "defaultEnd"))
        {
            Compliance = Child(root, "compliance") is { } compliance ? Compliance(compliance) : null,
            Inference = String(root, "inference"),
            Sequential = Child(root, "sequential") is { } sequential ? Sequential(sequential) : null,
            Design = Child(root, "design") is { ValueKind: JsonValueKind.Object } design ? Design(design) : null,
            BeforeAfter = Child(root, "beforeAfter") is { } beforeAfter ? BeforeAfter(beforeAfter) : null,
        };
    }

    private static ComplianceSummary Compliance(JsonElement c)
    {
        Dictionary<string, long> Counts(string name) =>
            Properties(c, name).ToDictionary(p => p.Name, p => p.Value.TryGetInt64(out var n) ? n : 0, StringComparer.Ordinal);

        return new ComplianceSummary(String(c, "unit") ?? "", Counts("assignedCases"), Counts("nonCompliant"), Long(c, "withoutAssignment") ?? 0);
    }

    private static BeforeAfterSummary BeforeAfter(JsonElement e)
    {
        SortedDictionary<string, long> Counts(string side)
        {
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            if (Child(e, "cases") is { } cases && Child(cases, side) is { } byGroup)
            {
                foreach (var p in byGroup.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
                {
                    counts[p.Name] = p.Value.GetInt64();
                }
            }

            return counts;
        }

        return new BeforeAfterSummary(Time(e, "aiStart"), Bool(e, "concurrentControl") ?? false, Bool(e, "causal") ?? false,
            Counts("before"), Counts("after"));
    }

    private static SequentialSettings Sequential(JsonElement s) => new(Time(s, "plannedEnd"), Number(s, "alpha") ?? double.NaN,
        Number(s, "finalAlpha") ?? double.NaN, Long(s, "plannedCases") ?? 0, Number(s, "tuningCases") ?? double.NaN,
        Number(s, "rho2") ?? double.NaN, Number(s, "rho2OneSided") ?? double.NaN);

    private static DesignSummary Design(JsonElement d) => new(
        String(d, "unit") ?? "",
        String(d, "analysis") ?? "",
        (int)(Long(d, "minUnitsPerArm") ?? 0),
        [.. Properties(d, "unitsPerArm").Select(p => new KeyValuePair<string, long>(p.Name, p.Value.TryGetInt64(out var n) ? n : 0))],
        [.. Array(d, "icc").Select(i => new IccValue(String(i, "caseType") ?? "", String(i, "metric") ?? "", Number(i, "value") ?? double.NaN))],
        Long(d, "casesWithoutUnit") ?? 0);

    private static PlanSummary Plan(JsonElement plan)
    {
        List<PlannedMetric> Planned(string name) =>
            [.. Array(plan, name).Select(e => new PlannedMetric(String(e, "caseType"), String(e, "metric") ?? "", Number(e, "margin")))];

        var registered = Child(plan, "registered") is { } r
            ? new RegisteredPlan(String(r, "sha256") ?? "", Time(r, "at"))
            : null;
        return new PlanSummary(String(plan, "sha256") ?? "", Number(plan, "alpha") ?? 0.05, Planned("primary"), Planned("guardrails"),
            Bool(plan, "configured") ?? false, registered, Bool(plan, "registeredAfterDataArrived"), (int)(Long(plan, "primaryFamilySize") ?? 0));
    }

    private static CaseTypeResult CaseType(JsonElement caseType)
    {
        var arms = Array(caseType, "arms").Select(a => new ArmResult(String(a, "arm") ?? "",
            Child(a, "metrics") is { ValueKind: JsonValueKind.Object } metrics
                ? [.. metrics.EnumerateObject().Select(m => new KeyValuePair<string, MetricValue>(m.Name, Value(m.Value)))]
                : [])).ToList();
        return new CaseTypeResult(String(caseType, "caseType") ?? "", arms, [.. Array(caseType, "comparisons").Select(Comparison)]);
    }

    private static ComparisonResult Comparison(JsonElement c) => new(
        String(c, "metric") ?? "",
        String(c, "baseline") ?? "",
        String(c, "treatment") ?? "",
        String(c, "method") ?? "",
        Long(c, "baselineN") ?? 0,
        Long(c, "treatmentN") ?? 0,
        Number(c, "difference"),
        Number(c, "ciLow"),
        Number(c, "ciHigh"),
        Number(c, "relativeChange"),
        Number(c, "pValue"),
        Number(c, "adjustedPValue"),
        String(c, "verdict") ?? "",
        Number(c, "nonInferiorityMargin"),
        Number(c, "minimumDetectableEffect"),
        Number(c, "minimumDetectableRelativeChange"))
    {
        Role = String(c, "role"),
        Unit = String(c, "unit"),
        SameTestAs = String(c, "sameTestAs"),
        NonInferiorityBound = Number(c, "nonInferiorityBound"),
        AsTreated = Child(c, "asTreated") is { } t ? new AsTreatedResult(Number(t, "difference"), Number(t, "ciLow"), Number(t, "ciHigh")) : null,
        Inference = String(c, "inference"),
        StandardError = Number(c, "standardError"),
        DegreesOfFreedom = Number(c, "degreesOfFreedom"),
    };

    private static DataQualityReport DataQuality(JsonElement? element)
    {
        if (element is not { } q)
        {
            return new DataQualityReport([], 0, 0, 0, 0, 0, null, []);
        }

        SampleRatioCheck? ratio = null;
        if (Child(q, "sampleRatio") is { ValueKind: JsonValueKind.Object } r)
        {
            ratio = new SampleRatioCheck(
                [.. Properties(r, "observed").Select(p => new KeyValuePair<string, long>(p.Name, p.Value.TryGetInt64(out var n) ? n : 0))],
                [.. Properties(r, "expectedShares").Select(p => new KeyValuePair<string, double>(p.Name, p.Value.GetDouble()))],
                Number(r, "chiSquare") ?? double.NaN,
                (int)(Long(r, "degreesOfFreedom") ?? 0),
                Number(r, "pValue") ?? double.NaN,
                r.TryGetProperty("mismatch", out var mismatch) && mismatch.ValueKind == JsonValueKind.True)
            {
                Unit = String(r, "unit"),
            };
        }

        return new DataQualityReport(
            Strings(q, "warnings"),
            Long(q, "casesInPeriod") ?? 0,
            Long(q, "casesStartedNotCompleted") ?? 0,
            Long(q, "casesWithoutStart") ?? 0,
            Long(q, "surveysWithoutCase") ?? 0,
            Long(q, "suppressedStaffGroups") ?? 0,
            ratio,
            Strings(q, "metricsBelowMinimum"));
    }

    private static SnapshotBreakdowns Breakdowns(JsonElement b)
    {
        var weeks = Array(b, "weeks").Select(w => (Time(w, "from"), Number(w, "days") ?? 7)).ToList();
        List<double>? maintenance = Child(b, "weeklyMaintenanceHours") is { ValueKind: JsonValueKind.Array } hours
            ? [.. hours.EnumerateArray().Select(h => h.GetDouble())]
            : null;
        var caseTypes = Array(b, "caseTypes").Select(c => new CaseTypeBreakdown(String(c, "caseType") ?? "",
            [.. Array(c, "arms").Select(ArmBreakdown)])).ToList();
        return new SnapshotBreakdowns(weeks, maintenance, caseTypes);
    }

    private static ArmBreakdown ArmBreakdown(JsonElement arm)
    {
        var cost = Child(arm, "costPerCaseSek") is { } c
            ? new CostParts(Part(c, "staff"), Part(c, "ai"), Part(c, "fixed"), Part(c, "maintenance"))
            : null;
        var co2e = Child(arm, "co2eGPerCase");
        var energy = Child(arm, "energyWhPerCase") is { } e
            ? new EnergyParts(Part(e, "workstation"), Part(e, "ai"), co2e is { } w ? Part(w, "workstation") : double.NaN,
                co2e is { } a ? Part(a, "ai") : double.NaN)
            : null;
        List<long>? weekly = Child(arm, "weeklyCompleted") is { ValueKind: JsonValueKind.Array } series
            ? [.. series.EnumerateArray().Select(n => n.TryGetInt64(out var count) ? count : (long)n.GetDouble())]
            : null;
        return new ArmBreakdown(String(arm, "arm") ?? "", Long(arm, "n") ?? 0, cost, energy, weekly, Long(arm, "completedAfterPeriod") ?? 0);
    }

    private static MetricValue Value(JsonElement e) => new(Number(e, "value"), Number(e, "ciLow"), Number(e, "ciHigh"), Long(e, "n") ?? 0);

    private static double Part(JsonElement e, string name) => Number(e, name) ?? double.NaN;

    /// <summary>The property when it is an object or array (not null, not absent).</summary>
    private static JsonElement? Child(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? v
            : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        Child(e, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static IEnumerable<JsonProperty> Properties(JsonElement e, string name) =>
        Child(e, name) is { ValueKind: JsonValueKind.Object } o ? o.EnumerateObject() : [];

    private static List<string> Strings(JsonElement e, string name) =>
        [.. Array(e, name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean()
            : null;

    private static double? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static long? Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.TryGetInt64(out var n) ? n : (long)v.GetDouble()
            : null;

    private static DateTimeOffset Time(JsonElement e, string name) =>
        DateTimeOffset.TryParse(String(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new JsonException(name + ": missing or not a time");
}
