using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// Writes a snapshot as UTF-8 JSON (snapshot contract v1, plus the documented extensions). Written by hand so the
/// field order and number format never depend on a serializer's settings: doubles in shortest round-trip form,
/// non-finite values as null, times as UTC RFC 3339 with milliseconds.
/// </summary>
public static partial class SnapshotJsonWriter
{
    /// <summary>The JSON of a snapshot the engine has just computed: the bytes that are stored.</summary>
    internal static byte[] Write(Snapshot s) => Write(SnapshotDocument.Of(s));

    /// <summary>The JSON of a snapshot document; what <see cref="SnapshotDocumentReader"/> read from these bytes gives them back.</summary>
    /// <param name="s">The document.</param>
    /// <returns>UTF-8 JSON, indented.</returns>
    public static byte[] Write(SnapshotDocument s)
    {
        ArgumentNullException.ThrowIfNull(s);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,

            // Readable warnings (quotes, ×) in a file for people; it is never embedded in HTML unescaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("pilot", s.Pilot);
            w.WriteStartObject("period");
            w.WriteString("from", Time(s.From));
            w.WriteString("to", Time(s.To));
            if (s.DefaultEnd is { } defaultEnd)
            {
                w.WriteBoolean("defaultEnd", defaultEnd);
            }

            w.WriteEndObject();
            w.WriteString("createdAt", Time(s.CreatedAt));
            w.WriteStartObject("methodology");
            w.WriteString("version", s.MethodologyVersion);
            w.WriteString("configSha256", s.ConfigSha256);
            w.WriteEndObject();
            w.WriteString("dataSha256", s.DataSha256);
            w.WriteStartObject("settings");
            w.WriteNumber("confidenceLevel", s.Settings.ConfidenceLevel);
            w.WriteNumber("minSamplePerArm", s.Settings.MinSamplePerArm);
            w.WriteNumber("kAnonymity", s.Settings.KAnonymity);
            w.WriteString("baselineArm", s.Settings.BaselineArm);
            w.WriteNumber("bootstrapReplicates", s.Settings.BootstrapReplicates);
            if (s.Settings.FollowUpDays is { } followUp)
            {
                w.WriteNumber("followUpDays", followUp);
            }

            w.WriteEndObject();
            if (s.Plan is { } plan)
            {
                WritePlan(w, plan);
            }

            if (s.Design is { } design)
            {
                WriteDesign(w, design);
            }

            if (s.Inference is { } inference)
            {
                WriteInference(w, inference, s.Sequential);
            }

            if (s.BeforeAfter is { } beforeAfter)
            {
                WriteBeforeAfter(w, beforeAfter);
            }

            w.WriteStartArray("caseTypes");
            foreach (var caseType in s.CaseTypes)
            {
                WriteCaseType(w, caseType);
            }

            w.WriteEndArray();
            w.WriteStartArray("pilotMetrics");
            foreach (var metric in s.PilotMetrics)
            {
                w.WriteStartObject();
                w.WriteString("metric", metric.Metric);
                w.WriteString("arm", metric.Arm);
                WriteMetricFields(w, metric.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (s.PilotComparisons is { } pilotComparisons)
            {
                w.WriteStartArray("pilotComparisons");
                foreach (var c in pilotComparisons)
                {
                    WriteComparison(w, c);
                }

                w.WriteEndArray();
            }

            if (s.Compliance is { } compliance)
            {
                WriteCompliance(w, compliance);
            }

            WriteDataQuality(w, s.DataQuality);
            if (s.Breakdowns is { } breakdowns)
            {
                WriteBreakdowns(w, breakdowns);
            }

            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteCaseType(Utf8JsonWriter w, CaseTypeResult caseType)
    {
        w.WriteStartObject();
        w.WriteString("caseType", caseType.CaseType);
        w.WriteStartArray("arms");
        foreach (var arm in caseType.Arms)
        {
            w.WriteStartObject();
            w.WriteString("arm", arm.Arm);
            w.WriteStartObject("metrics");
            foreach (var (key, value) in arm.Metrics)
            {
                w.WriteStartObject(key);
                WriteMetricFields(w, value);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("comparisons");
        foreach (var c in caseType.Comparisons)
        {
            WriteComparison(w, c);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A comparison; its role, unit, shared test and one-sided bound only when it has a role (older snapshots have none).</summary>
    private static void WriteComparison(Utf8JsonWriter w, ComparisonResult c)
    {
        w.WriteStartObject();
        w.WriteString("metric", c.Metric);
        w.WriteString("baseline", c.Baseline);
        w.WriteString("treatment", c.Treatment);
        Number(w, "difference", c.Difference);
        Number(w, "ciLow", c.CiLow);
        Number(w, "ciHigh", c.CiHigh);
        Number(w, "relativeChange", c.RelativeChange);
        Number(w, "pValue", c.PValue);
        Number(w, "adjustedPValue", c.AdjustedPValue);
        w.WriteString("verdict", c.Verdict);
        if (c.Role is { } role)
        {
            w.WriteString("role", role);
            w.WriteBoolean("exploratory", role == ComparisonRoles.Secondary);
            w.WriteString("unit", c.Unit);
            w.WriteString("sameTestAs", c.SameTestAs);
        }

        w.WriteString("method", c.Method);
        w.WriteNumber("baselineN", c.BaselineN);
        w.WriteNumber("treatmentN", c.TreatmentN);
        Number(w, "nonInferiorityMargin", c.NonInferiorityMargin);
        if (c.Role is not null)
        {
            Number(w, "nonInferiorityBound", c.NonInferiorityBound);
        }

        if (c.Inference is { } comparisonInference)
        {
            w.WriteString("inference", comparisonInference);
        }

        if (c.StandardError is { } se)
        {
            w.WriteNumber("standardError", se);
        }

        if (c.DegreesOfFreedom is { } df)
        {
            w.WriteNumber("degreesOfFreedom", df);
        }

        Number(w, "minimumDetectableEffect", c.MinimumDetectableEffect);
        Number(w, "minimumDetectableRelativeChange", c.MinimumDetectableRelativeChange);
        if (c.AsTreated is { } asTreated)
        {
            w.WriteStartObject("asTreated");
            Number(w, "difference", asTreated.Difference);
            Number(w, "ciLow", asTreated.CiLow);
            Number(w, "ciHigh", asTreated.CiHigh);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The <c>analysisPlan</c> section: the plan the verdicts follow and its registration.</summary>
    private static void WritePlan(Utf8JsonWriter w, PlanSummary plan)
    {
        w.WriteStartObject("analysisPlan");
        w.WriteString("sha256", plan.Sha256);
        w.WriteBoolean("configured", plan.Configured);
        w.WriteNumber("alpha", plan.Alpha);
        WritePlanned(w, "primary", plan.Primary);
        WritePlanned(w, "guardrails", plan.Guardrails);
        w.WriteNumber("primaryFamilySize", plan.PrimaryFamilySize);
        if (plan.Registered is { } registered)
        {
            w.WriteStartObject("registered");
            w.WriteString("sha256", registered.Sha256);
            w.WriteString("at", Time(registered.RegisteredAt));
            w.WriteEndObject();
            w.WriteBoolean("changedAfterRegistration", plan.ChangedAfterRegistration == true);
            w.WriteBoolean("registeredAfterDataArrived", plan.RegisteredAfterData == true);
        }
        else
        {
            w.WriteNull("registered");
            w.WriteNull("changedAfterRegistration");
            w.WriteNull("registeredAfterDataArrived");
        }

        w.WriteEndObject();
    }

    private static void WritePlanned(Utf8JsonWriter w, string name, IReadOnlyList<PlannedMetric> entries)
    {
        w.WriteStartArray(name);
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("metric", e.Metric);
            w.WriteString("caseType", e.CaseType);
            if (e.Margin is { } margin)
            {
                w.WriteNumber("margin", margin);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteDataQuality(Utf8JsonWriter w, DataQualityReport q)
    {
        w.WriteStartObject("dataQuality");
        w.WriteStartArray("warnings");
        foreach (var warning in q.Warnings)
        {
            w.WriteStringValue(warning);
        }

        w.WriteEndArray();
        w.WriteNumber("casesInPeriod", q.CasesInPeriod);
        w.WriteNumber("casesStartedNotCompleted", q.CasesStartedNotCompleted);
        w.WriteNumber("casesWithoutStart", q.CasesWithoutStart);
        w.WriteNumber("surveysWithoutCase", q.SurveysWithoutCase);
        w.WriteNumber("suppressedStaffGroups", q.SuppressedStaffGroups);
        if (q.SampleRatio is { } srm)
        {
            w.WriteStartObject("sampleRatio");
            Counts(w, "observed", srm.Observed);
            w.WriteStartObject("expectedShares");
            foreach (var (arm, share) in srm.ExpectedShares)
            {
                w.WriteNumber(arm, share);
            }

            w.WriteEndObject();
            w.WriteNumber("chiSquare", srm.ChiSquare);
            w.WriteNumber("degreesOfFreedom", srm.DegreesOfFreedom);
            Number(w, "pValue", srm.PValue);
            w.WriteBoolean("mismatch", srm.Mismatch);
            if (srm.Unit is { } unit)
            {
                w.WriteString("unit", unit);
            }
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("sampleRatio");
        }

        w.WriteStartArray("metricsBelowMinimum");
        foreach (var item in q.MetricsBelowMinimum)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The <c>breakdowns</c> section, written last so every field before it keeps its place.</summary>
    private static void WriteBreakdowns(Utf8JsonWriter w, SnapshotBreakdowns b)
    {
        w.WriteStartObject("breakdowns");
        w.WriteStartArray("weeks");
        foreach (var (from, days) in b.Weeks)
        {
            w.WriteStartObject();
            w.WriteString("from", Time(from));
            w.WriteNumber("days", days);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Numbers(w, "weeklyMaintenanceHours", b.WeeklyMaintenanceHours);

        w.WriteStartArray("caseTypes");
        foreach (var caseType in b.CaseTypes)
        {
            w.WriteStartObject();
            w.WriteString("caseType", caseType.CaseType);
            w.WriteStartArray("arms");
            foreach (var arm in caseType.Arms)
            {
                WriteArmBreakdown(w, arm);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteArmBreakdown(Utf8JsonWriter w, ArmBreakdown arm)
    {
        w.WriteStartObject();
        w.WriteString("arm", arm.Arm);
        w.WriteNumber("n", arm.Completed);
        if (arm.Cost is { } cost)
        {
            w.WriteStartObject("costPerCaseSek");
            Number(w, "staff", cost.StaffSek);
            Number(w, "ai", cost.AiSek);
            Number(w, "fixed", cost.FixedSek);
            Number(w, "maintenance", cost.MaintenanceSek);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("costPerCaseSek");
        }

        if (arm.Energy is { } energy)
        {
            w.WriteStartObject("energyWhPerCase");
            Number(w, "workstation", energy.WorkstationWh);
            Number(w, "ai", energy.AiWh);
            w.WriteEndObject();
            w.WriteStartObject("co2eGPerCase");
            Number(w, "workstation", energy.WorkstationCo2eG);
            Number(w, "ai", energy.AiCo2eG);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("energyWhPerCase");
            w.WriteNull("co2eGPerCase");
        }

        Numbers(w, "weeklyCompleted", arm.WeeklyCompleted?.Select(n => (double)n));

        w.WriteNumber("completedAfterPeriod", arm.CompletedAfterPeriod);
        w.WriteEndObject();
    }

    private static void WriteMetricFields(Utf8JsonWriter w, MetricValue value)
    {
        Number(w, "value", value.Value);
        Number(w, "ciLow", value.CiLow);
        Number(w, "ciHigh", value.CiHigh);
        w.WriteNumber("n", value.N);
    }

    /// <summary>An array of numbers (whole numbers are written without a fraction), or null.</summary>
    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double>? values)
    {
        if (values is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteNumberValue(value);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
