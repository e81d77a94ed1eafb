using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// The SHA-256 of a normalised evaluation config: the validated config, defaults applied, written as compact JSON
/// with mapping keys in ordinal order, numbers in shortest round-trip invariant form, and set-like lists (case
/// types, attribute keys, arms, fixed costs) sorted. Comments, whitespace, key order, number spelling (0.5 vs
/// 0.50) and spelling out a default do not change it; any value that changes a result does.
/// </summary>
internal static class ConfigHasher
{
    public static string Sha256(EvaluationConfig config) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalJson(config)));

    public static byte[] CanonicalJson(EvaluationConfig config)
    {
        var tree = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["confidenceLevel"] = config.ConfidenceLevel,
            ["minSamplePerArm"] = config.MinSamplePerArm,
            ["kAnonymity"] = config.KAnonymity,
            ["energy"] = Map(
                ("gridIntensityGCo2ePerKwh", config.Energy.GridIntensityGCo2ePerKwh),
                ("pue", config.Energy.Pue),
                ("workstationWatts", config.Energy.WorkstationWatts),
                ("tokenEnergy", Map(
                    ("alpha", config.Energy.TokenEnergyAlpha),
                    ("beta", config.Energy.TokenEnergyBeta),
                    ("batchSize", config.Energy.TokenEnergyBatchSize),
                    ("gamma", config.Energy.TokenEnergyGamma)))),
            ["pilots"] = config.Pilots.OrderBy(p => p.Slug, StringComparer.Ordinal).Select(Pilot).ToList<object?>(),
        };

        if (config.FollowUpDays != ConfigDefaults.FollowUpDays)
        {
            tree["followUpDays"] = config.FollowUpDays;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, tree);
        }

        return buffer.ToArray();
    }

    private static SortedDictionary<string, object?> Pilot(PilotConfig p)
    {
        var pilot = Core(p);

        // The vocabulary beyond case types, arms, roles, models and attribute keys enters the hash only where a pilot
        // sets it, so the hash of a config that does not use it is the one it always had.
        AddIfAny(pilot, "channels", p.Channels);
        AddIfAny(pilot, "escalationReasons", p.EscalationReasons);
        AddIfAny(pilot, "integrationSystems", p.IntegrationSystems);
        AddIfAny(pilot, "integrationFailureKinds", p.IntegrationFailureKinds);
        AddIfAny(pilot, "maintenanceKinds", p.MaintenanceKinds);
        AddIfAny(pilot, "teams", p.Teams);
        if (p.AttributeValues.Count > 0)
        {
            pilot["attributeValues"] = new SortedDictionary<string, object?>(
                p.AttributeValues.ToDictionary(a => a.Key, a => (object?)Sorted(a.Value)), StringComparer.Ordinal);
        }

        // One-off costs and their amortisation enter the hash only where a pilot sets them, as the vocabulary does.
        if (p.OneOffCosts.Count > 0)
        {
            pilot["oneOffCosts"] = p.OneOffCosts
                .OrderBy(c => c.Date).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Arm, StringComparer.Ordinal)
                .ThenBy(c => c.AmountSek).ThenBy(c => c.AmortisationMonths)
                .Select(c => (object?)Map(("name", c.Name), ("amountSek", c.AmountSek),
                    ("date", c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("arm", c.Arm),
                    ("amortisationMonths", c.AmortisationMonths)))
                .ToList();
        }

        var maintenance = (SortedDictionary<string, object?>)pilot["maintenance"]!;
        if (p.Maintenance.OneOffKinds.Count > 0)
        {
            maintenance["oneOffKinds"] = Sorted(p.Maintenance.OneOffKinds);
        }

        if (p.Maintenance.AmortisationMonths != ConfigDefaults.AmortisationMonths)
        {
            maintenance["amortisationMonths"] = p.Maintenance.AmortisationMonths;
        }

        if (p.CaseIds != CaseIdRule.Pseudonym)
        {
            pilot["caseIds"] = "any";
        }

        if (p.AnalysisPlan.IsConfigured)
        {
            pilot["analysisPlan"] = p.AnalysisPlan.Sha256;
        }

        if (p.Design.IsConfigured)
        {
            var design = Map(("unit", p.Design.Unit), ("periodDays", p.Design.PeriodDays),
                ("aiStart", p.Design.AiStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("plannedEnd", p.Design.PlannedEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("minUnitsPerArm", p.Design.MinUnitsPerArm));
            if (p.Design.PlannedCases is { } plannedCases)
            {
                design["plannedCases"] = plannedCases;
            }

            pilot["design"] = design;
        }

        return pilot;
    }

    private static void AddIfAny(SortedDictionary<string, object?> pilot, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            pilot[key] = Sorted(values);
        }
    }

    private static SortedDictionary<string, object?> Core(PilotConfig p) => Map(
        ("slug", p.Slug),
        ("displayName", p.DisplayName),
        ("caseTypes", Sorted(p.CaseTypes)),
        ("arms", p.Arms.OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => (object?)Map(("name", a.Name), ("share", a.Share))).ToList()),
        ("baselineArm", p.BaselineArm),
        ("staffRoles", new SortedDictionary<string, object?>(
            p.StaffRoles.ToDictionary(r => r.Key, r => (object?)Map(("hourlyCostSek", r.Value.HourlyCostSek))),
            StringComparer.Ordinal)),
        ("aiModels", new SortedDictionary<string, object?>(
            p.AiModels.ToDictionary(m => m.Key, m => (object?)Map(
                ("inputPerMillionSek", m.Value.InputPerMillionSek),
                ("outputPerMillionSek", m.Value.OutputPerMillionSek),
                ("activeParamsBillions", m.Value.ActiveParamsBillions))),
            StringComparer.Ordinal)),
        ("fixedCosts", p.FixedCosts
            .OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Arm, StringComparer.Ordinal).ThenBy(f => f.MonthlySek)
            .Select(f => (object?)Map(("name", f.Name), ("monthlySek", f.MonthlySek), ("arm", f.Arm))).ToList()),
        ("maintenance", Map(("hourlyCostSek", p.Maintenance.HourlyCostSek), ("defaultArm", p.Maintenance.DefaultArm))),
        ("attributeKeys", Sorted(p.AttributeKeys)));

    private static List<object?> Sorted(IEnumerable<string> values) =>
        [.. values.Order(StringComparer.Ordinal)];

    private static SortedDictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                // Shortest round-trip form, culture-invariant; -0 and 0 are the same value.
                writer.WriteNumberValue(d == 0 ? 0d : d);
                break;
            case SortedDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException("Unexpected value in the canonical config tree: " + value.GetType().Name);
        }
    }
}
