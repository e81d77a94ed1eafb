using System.Security.Cryptography;
using System.Text.Json;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// A pilot's analysis plan (<c>analysisPlan</c>): the significance level, the primary metrics (the pilot's goals,
/// one Holm family) and the guardrails with their non-inferiority margins. Every other metric with an outcome is
/// secondary (exploratory); descriptive metrics (<see cref="MetricKeys.Descriptive"/>) get no comparison at all.
/// </summary>
/// <param name="Alpha">The significance level of every test: primary (Holm family-wise), guardrail (one-sided) and secondary.</param>
/// <param name="Primary">The primary metrics.</param>
/// <param name="Guardrails">The guardrails, each with a margin: the configured ones, then the default ones the plan does not name.</param>
/// <param name="IsConfigured">Whether the pilot's config has an <c>analysisPlan</c> (else this is the default plan).</param>
public sealed record AnalysisPlan(double Alpha, IReadOnlyList<PlannedMetric> Primary, IReadOnlyList<PlannedMetric> Guardrails,
    bool IsConfigured)
{
    /// <summary>The margin of a guardrail the plan does not name: <c>abandonment_rate</c> and <c>rejection_rate</c>, 0.02 (2 points).</summary>
    public const double DefaultGuardrailMargin = 0.02;

    /// <summary>The metrics that are guardrails unless the plan names them: a pilot must not lose more cases than before.</summary>
    public static IReadOnlyList<string> DefaultGuardrails { get; } = [MetricKeys.AbandonmentRate, MetricKeys.RejectionRate];

    /// <summary>The plan of a pilot without <c>analysisPlan</c>: no primary metric, the default guardrails.</summary>
    /// <param name="alpha">The significance level (1 − the config's confidence level).</param>
    /// <returns>The default plan.</returns>
    public static AnalysisPlan Default(double alpha) => new(alpha, [], WithDefaultGuardrails([], []), IsConfigured: false);

    /// <summary>The configured guardrails followed by each default guardrail no plan entry names.</summary>
    internal static List<PlannedMetric> WithDefaultGuardrails(IReadOnlyList<PlannedMetric> primary, IReadOnlyList<PlannedMetric> guardrails)
    {
        var all = guardrails.ToList();
        foreach (var metric in DefaultGuardrails)
        {
            if (!primary.Concat(guardrails).Any(p => p.Metric == metric))
            {
                all.Add(new PlannedMetric(null, metric, DefaultGuardrailMargin));
            }
        }

        return all;
    }

    /// <summary>
    /// The role of a comparison of <paramref name="metric"/> in <paramref name="caseType"/> (null for pilot level): primary
    /// or guardrail when the plan names it, secondary otherwise; null for a descriptive metric, which is never compared.
    /// A metric that is another one times a constant takes that one's role.
    /// </summary>
    /// <param name="caseType">The case type, or null for a pilot-level comparison.</param>
    /// <param name="metric">The metric key.</param>
    /// <returns>One of <see cref="ComparisonRoles"/>, or null.</returns>
    public string? RoleOf(string? caseType, string metric)
    {
        if (MetricKeys.IsDescriptive(metric))
        {
            return null;
        }

        metric = MetricKeys.TestedAs(metric);
        return Primary.Any(p => p.Covers(caseType, metric)) ? ComparisonRoles.Primary
            : Guardrails.Any(g => g.Covers(caseType, metric)) ? ComparisonRoles.Guardrail
            : ComparisonRoles.Secondary;
    }

    /// <summary>The non-inferiority margin of a guardrail; null when the metric is not a guardrail there.</summary>
    /// <param name="caseType">The case type, or null for a pilot-level comparison.</param>
    /// <param name="metric">The metric key.</param>
    /// <returns>The margin in the metric's unit, or null.</returns>
    public double? MarginOf(string? caseType, string metric)
    {
        metric = MetricKeys.TestedAs(metric);
        return Guardrails.FirstOrDefault(g => g.Covers(caseType, metric))?.Margin;
    }

    /// <summary>
    /// The SHA-256 (lower-case hex) of the plan as it decides verdicts: alpha, the primary metrics and the guardrails
    /// with their margins (the defaults included), in a canonical order. Layout and order in the YAML do not change it.
    /// </summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson()));

    /// <summary>The plan as compact JSON with entries sorted: what <see cref="Sha256"/> hashes and a registration stores.</summary>
    /// <returns>UTF-8 JSON.</returns>
    public byte[] CanonicalJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("alpha", Alpha);
            WriteEntries(w, "guardrails", Guardrails);
            WriteEntries(w, "primary", Primary);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteEntries(Utf8JsonWriter w, string name, IReadOnlyList<PlannedMetric> entries)
    {
        w.WriteStartArray(name);
        foreach (var e in entries.OrderBy(e => e.Metric, StringComparer.Ordinal).ThenBy(e => e.CaseType ?? "", StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("caseType", e.CaseType);
            if (e.Margin is { } margin)
            {
                w.WriteNumber("margin", margin == 0 ? 0d : margin);
            }

            w.WriteString("metric", e.Metric);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
