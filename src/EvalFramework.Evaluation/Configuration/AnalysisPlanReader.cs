using System.Globalization;
using EvalFramework.Evaluation.Snapshots;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>Reads a pilot's <c>analysisPlan</c>: <c>alpha</c>, <c>primary</c> and <c>guardrails</c>.</summary>
internal sealed class AnalysisPlanReader(ErrorSink errors)
{
    private static readonly string[] _planKeys = ["alpha", "primary", "guardrails"];
    private static readonly string[] _primaryKeys = ["metric", "caseType"];
    private static readonly string[] _guardrailKeys = ["metric", "caseType", "margin"];

    /// <summary>The plan of one pilot; its default plan when the key is absent; null after an error (reported).</summary>
    /// <param name="m">The pilot's mapping.</param>
    /// <param name="caseTypes">The pilot's case types (null when they could not be read).</param>
    /// <param name="defaultAlpha">1 − the config's confidence level.</param>
    public AnalysisPlan? Read(MappingReader m, IReadOnlyList<string>? caseTypes, double defaultAlpha)
    {
        if (m.Mapping("analysisPlan", false) is not { } node)
        {
            return m.Get("analysisPlan", false) is null ? AnalysisPlan.Default(defaultAlpha) : null;
        }

        var before = errors.Count;
        var p = new MappingReader(errors, node, m.KeyOf("analysisPlan"), _planKeys);
        var alpha = p.Number("alpha", false, x => x is > 0 and < 0.5, "must be between 0 and 0.5, exclusive (e.g. 0.05)");
        var primary = Entries(p, "primary", _primaryKeys, caseTypes, guardrail: false);
        var guardrails = Entries(p, "guardrails", _guardrailKeys, caseTypes, guardrail: true);
        foreach (var (entry, node2, path) in guardrails)
        {
            if (primary.Any(x => Overlaps(x.Entry, entry)))
            {
                errors.At(node2, path, "'" + entry.Metric + "' is both primary and a guardrail; a metric has one role");
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        List<PlannedMetric> primaryList = [.. primary.Select(x => x.Entry)];
        return new AnalysisPlan(alpha ?? defaultAlpha, primaryList,
            AnalysisPlan.WithDefaultGuardrails(primaryList, [.. guardrails.Select(x => x.Entry)]), IsConfigured: true);
    }

    private static bool Overlaps(PlannedMetric a, PlannedMetric b) =>
        a.Metric == b.Metric && (a.CaseType is null || b.CaseType is null || a.CaseType == b.CaseType);

    private List<(PlannedMetric Entry, YamlNode Node, string Path)> Entries(MappingReader p, string key, string[] keys,
        IReadOnlyList<string>? caseTypes, bool guardrail)
    {
        var entries = new List<(PlannedMetric, YamlNode, string)>();
        if (p.Sequence(key, false) is not { } list)
        {
            return entries;
        }

        var path = p.KeyOf(key);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemPath = ConfigRules.Index(path, i);
            if (list.Children[i] is not YamlMappingNode item)
            {
                errors.At(list.Children[i], itemPath, "must be a mapping with " + string.Join(", ", keys) + MappingReader.Found(list.Children[i]));
                continue;
            }

            var r = new MappingReader(errors, item, itemPath, keys);
            var caseType = r.Text("caseType", false);
            var unknownCaseType = caseType is not null && caseTypes is not null && !caseTypes.Contains(caseType, StringComparer.Ordinal);
            if (unknownCaseType)
            {
                errors.At(r.NodeOf("caseType"), r.KeyOf("caseType"), "is not one of the pilot's caseTypes (" + string.Join(", ", caseTypes!) + ")");
            }

            var metric = r.Text("metric", true);
            var margin = guardrail ? r.Number("margin", true, x => x >= 0, ConfigRules.NotNegative) : null;
            if (metric is null || (guardrail && margin is null) || (unknownCaseType && MetricError(metric, null) is null))
            {
                continue;
            }

            if (MetricError(metric, caseType) is { } error)
            {
                errors.At(r.NodeOf("metric"), r.KeyOf("metric"), error);
            }
            else if (entries.Any(e => Overlaps(e.Item1, new PlannedMetric(caseType, metric))))
            {
                errors.At(item, itemPath, "'" + metric + "' is listed twice in " + key);
            }
            else if (guardrail && IsShare(metric) && margin > 1)
            {
                errors.At(r.NodeOf("margin"), r.KeyOf("margin"), "must be at most 1 for a share (0.02 = 2 points)");
            }
            else
            {
                entries.Add((new PlannedMetric(caseType, metric, margin), item, itemPath));
            }
        }

        return entries;
    }

    /// <summary>Why <paramref name="metric"/> cannot be in a plan (for <paramref name="caseType"/>), or null when it can.</summary>
    private static string? MetricError(string metric, string? caseType)
    {
        if (metric == MetricKeys.Co2ePerCase)
        {
            return "co2e_g_per_case is energy_wh_per_case times the grid factor and shares its test: name energy_wh_per_case";
        }

        if (MetricKeys.IsDescriptive(metric))
        {
            return "'" + metric + "' is descriptive (counts, throughput, AI-only figures and overhead are shown, never compared)";
        }

        if (MetricKeys.PlannablePilotLevel.Contains(metric))
        {
            return caseType is null ? null : "'" + metric + "' is a pilot-level comparison (one per arm, not per case type): leave out caseType";
        }

        return MetricKeys.PlannablePerCaseType.Contains(metric) ? null : string.Create(CultureInfo.InvariantCulture,
            $"unknown metric (expected one of: {string.Join(", ", MetricKeys.PlannablePerCaseType.Concat(MetricKeys.PlannablePilotLevel))})");
    }

    private static bool IsShare(string metric) => metric.EndsWith("_rate", StringComparison.Ordinal) || metric.EndsWith("_share", StringComparison.Ordinal);
}
