using System.Text.Json;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The sections on how cases reached their arm and how the verdicts were reached: design, compliance, before/after, inference.</summary>
public static partial class SnapshotJsonWriter
{
    /// <summary>The <c>compliance</c> section: assigned and non-compliant cases per assigned arm.</summary>
    private static void WriteCompliance(Utf8JsonWriter w, ComplianceSummary c)
    {
        w.WriteStartObject("compliance");
        w.WriteString("unit", c.Unit);
        Counts(w, "assignedCases", c.AssignedCases);
        Counts(w, "nonCompliant", c.NonCompliant);
        w.WriteNumber("withoutAssignment", c.WithoutAssignment);
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>inference</c> (sequential or fixed) and the <c>sequential</c> section: the always-valid analysis's settings when
    /// the pilot has a planned end (also in the final snapshots, whose verdicts are at its final alpha), else null.
    /// </summary>
    private static void WriteInference(Utf8JsonWriter w, string inference, SequentialSettings? sequential)
    {
        w.WriteString("inference", inference);
        if (sequential is null)
        {
            w.WriteNull("sequential");
            return;
        }

        w.WriteStartObject("sequential");
        w.WriteString("plannedEnd", Time(sequential.PlannedEnd));
        w.WriteNumber("alpha", sequential.Alpha);
        w.WriteNumber("finalAlpha", sequential.FinalAlpha);
        w.WriteNumber("plannedCases", sequential.PlannedCases);
        w.WriteNumber("tuningCases", sequential.TuningCases);
        w.WriteNumber("rho2", sequential.Rho2);
        w.WriteNumber("rho2OneSided", sequential.Rho2OneSided);
        w.WriteNumber("minimumEvents", SequentialSettings.MinimumEvents);
        w.WriteEndObject();
    }

    /// <summary>An object of counts by name (arm or group), in the dictionary's order.</summary>
    private static void Counts(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<string, long>> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, n) in counts)
        {
            w.WriteNumber(key, n);
        }

        w.WriteEndObject();
    }

    /// <summary>The <c>design</c> section: unit, analysis, units per arm and the ICC estimates.</summary>
    private static void WriteDesign(Utf8JsonWriter w, DesignSummary design)
    {
        w.WriteStartObject("design");
        w.WriteString("unit", design.Unit);
        w.WriteString("analysis", design.Analysis);
        w.WriteNumber("minUnitsPerArm", design.MinUnitsPerArm);
        Counts(w, "unitsPerArm", design.UnitsPerArm);
        w.WriteNumber("casesWithoutUnit", design.CasesWithoutUnit);
        w.WriteStartArray("icc");
        foreach (var icc in design.Icc)
        {
            w.WriteStartObject();
            w.WriteString("caseType", icc.CaseType);
            w.WriteString("metric", icc.Metric);
            Number(w, "value", icc.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The <c>beforeAfter</c> section: the AI's start, whether a concurrent control makes the comparisons causal, the cases on each side.</summary>
    private static void WriteBeforeAfter(Utf8JsonWriter w, BeforeAfterSummary beforeAfter)
    {
        w.WriteStartObject("beforeAfter");
        w.WriteString("aiStart", Time(beforeAfter.AiStart));
        w.WriteBoolean("concurrentControl", beforeAfter.ConcurrentControl);
        w.WriteBoolean("causal", beforeAfter.Causal);
        w.WriteStartObject("cases");
        Counts(w, "before", beforeAfter.CasesBefore);
        Counts(w, "after", beforeAfter.CasesAfter);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
