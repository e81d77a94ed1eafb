using System.Globalization;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// The true effects of a simulated pilot: per arm, how its metrics differ from the baseline arm's, the same for
/// every case type. Read from a small YAML (or JSON) file mapping arm → metric → change:
/// <code>
/// ai_assisted:
///   effort_seconds_mean: -25%   # relative: a quarter less staff time
///   error_rate: +0.01           # absolute: one percentage point more errors
/// </code>
/// An arm without effects behaves like the baseline, except that a non-baseline arm uses the AI.
/// </summary>
public sealed class SimulationEffects
{
    /// <summary>The effects the demo and <c>evalctl simulate</c> use when none are given, as an effects file.</summary>
    public const string DefaultYaml = """
        # AI-assisted handling: a quarter less staff time and a fifth shorter lead time, more consistent answers,
        # slightly more errors, some escalations and integration failures, a few more cases abandoned when the AI
        # path fails, a little happier citizens and staff.
        ai_assisted:
          effort_seconds_mean: -25%
          lead_time_seconds_mean: -20%
          error_rate: +0.01
          consistency_rate: +0.08
          escalation_rate: +0.06
          abandonment_rate: +0.02
          integration_failure_rate: +0.01
          csat_mean: +0.1
          staff_wellbeing_mean: +0.2
        # Automated handling (when the pilot has this arm): far less staff time, a person takes over more often.
        ai_automated:
          effort_seconds_mean: -70%
          lead_time_seconds_mean: -50%
          error_rate: +0.02
          consistency_rate: +0.08
          escalation_rate: +0.18
          abandonment_rate: +0.04
          rejection_rate: +0.01
          integration_failure_rate: +0.02
          csat_mean: -0.1
          staff_wellbeing_mean: +0.1
        """;

    private const string DefaultFileName = "(default effects)";
    private readonly Dictionary<string, IReadOnlyList<EffectChange>> _byArm;

    private SimulationEffects(string fileName, Dictionary<string, IReadOnlyList<EffectChange>> byArm, Dictionary<string, int> armLines)
    {
        FileName = fileName;
        _byArm = byArm;
        ArmLines = armLines;
    }

    /// <summary>
    /// The metrics an effect may change, with what the change acts on: the log-normal lead time and effort are
    /// scaled, the rates are chances per case or review, and the survey means are reached by tilting the answer
    /// distribution (exponential tilting, so every answer stays possible).
    /// </summary>
    public static IReadOnlyList<string> Metrics { get; } =
    [
        MetricKeys.EffortMean, MetricKeys.LeadTimeMean, MetricKeys.LeadTimeMedian, MetricKeys.ErrorRate, MetricKeys.ConsistencyRate,
        MetricKeys.EscalationRate, MetricKeys.AbandonmentRate, MetricKeys.RejectionRate, MetricKeys.IntegrationFailureRate,
        MetricKeys.SurveyResponseRate, MetricKeys.CsatMean, MetricKeys.Nps, MetricKeys.StaffWellbeingMean,
    ];

    /// <summary>No effects: every arm behaves like the baseline (but for the AI usage of non-baseline arms).</summary>
    public static SimulationEffects None { get; } = new("(no effects)", [], []);

    /// <summary>The parsed <see cref="DefaultYaml"/>.</summary>
    public static SimulationEffects Default { get; } = Parse(DefaultYaml, DefaultFileName).Effects!;

    /// <summary>Where the effects were read from, for errors found later.</summary>
    public string FileName { get; }

    /// <summary>The arms that have effects.</summary>
    public IEnumerable<string> Arms => _byArm.Keys;

    /// <summary>The line of each arm's key, for errors found later.</summary>
    internal IReadOnlyDictionary<string, int> ArmLines { get; }

    /// <summary>Whether these are the built-in defaults (which skip arms the pilot does not have).</summary>
    internal bool IsDefault => ReferenceEquals(FileName, DefaultFileName);

    /// <summary>The effects of one arm; empty when it has none.</summary>
    /// <param name="arm">The arm slug.</param>
    /// <returns>Its changes, in file order.</returns>
    public IReadOnlyList<EffectChange> For(string arm) => _byArm.GetValueOrDefault(arm) ?? [];

    /// <summary>Reads effects from YAML or JSON text.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="fileName">The name errors use for the text.</param>
    /// <returns>The effects, or every error, each with its line and key.</returns>
    public static EffectsParseResult Parse(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new ErrorSink(fileName);
        if (SingleYamlDocument.Load(yaml, fileName, out var root) is { } invalid)
        {
            return new EffectsParseResult(null, [invalid]);
        }

        var byArm = new Dictionary<string, IReadOnlyList<EffectChange>>(StringComparer.Ordinal);
        var armLines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root is YamlMappingNode arms)
        {
            ReadArms(arms, errors, byArm, armLines);
        }
        else if (root is not null && !MappingReader.IsNull(root))
        {
            errors.At(root, "(document)",
                "must be a mapping of arm → metric → change, e.g. 'ai_assisted: {effort_seconds_mean: -25%}'" + MappingReader.Found(root));
        }

        return errors.Count > 0
            ? new EffectsParseResult(null, errors.Sorted())
            : new EffectsParseResult(new SimulationEffects(fileName, byArm, armLines), []);
    }

    /// <summary>Reads one change: <c>-25%</c> (relative) or <c>+0.01</c> (absolute); null when it is neither.</summary>
    internal static EffectChange? ParseChange(string metric, string text)
    {
        var trimmed = text.Trim();
        var relative = trimmed.EndsWith('%');
        var number = relative ? trimmed[..^1].TrimEnd() : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return null;
        }

        return new EffectChange(metric, relative, relative ? value / 100 : value);
    }

    private static void ReadArms(YamlMappingNode root, ErrorSink errors, Dictionary<string, IReadOnlyList<EffectChange>> byArm, Dictionary<string, int> armLines)
    {
        foreach (var (armNode, metricsNode) in root.Children)
        {
            if (armNode is not YamlScalarNode { Value: { Length: > 0 } arm })
            {
                errors.At(armNode, "(document)", "keys must be arm names");
                continue;
            }

            armLines[arm] = ErrorSink.LineOf(armNode);
            if (MappingReader.IsNull(metricsNode))
            {
                byArm[arm] = [];
                continue;
            }

            if (metricsNode is not YamlMappingNode metrics)
            {
                errors.At(metricsNode, arm, "must be a mapping of metric → change, e.g. '{effort_seconds_mean: -25%}'" + MappingReader.Found(metricsNode));
                continue;
            }

            byArm[arm] = ReadChanges(arm, metrics, errors);
        }
    }

    private static List<EffectChange> ReadChanges(string arm, YamlMappingNode metrics, ErrorSink errors)
    {
        var changes = new List<EffectChange>();
        foreach (var (metricNode, valueNode) in metrics.Children)
        {
            if (metricNode is not YamlScalarNode { Value: { Length: > 0 } metric })
            {
                errors.At(metricNode, arm, "keys must be metric names");
                continue;
            }

            var key = arm + "." + metric;
            if (!Metrics.Contains(metric, StringComparer.Ordinal))
            {
                errors.At(metricNode, key, "not a metric an effect can change (one of: " + string.Join(", ", Metrics) + ")");
                continue;
            }

            if (valueNode is not YamlScalarNode { Value: { } text } || ParseChange(metric, text) is not { } change)
            {
                errors.At(valueNode, key, "must be a relative change like -25% or an absolute one like +0.01" + MappingReader.Found(valueNode));
                continue;
            }

            changes.Add(change with { Line = ErrorSink.LineOf(valueNode) });
        }

        if (changes.Any(c => c.Metric == MetricKeys.LeadTimeMean) && changes.Any(c => c.Metric == MetricKeys.LeadTimeMedian))
        {
            var line = changes.First(c => c.Metric == MetricKeys.LeadTimeMedian).Line;
            errors.Add(new ConfigError(errors.File, line, arm + "." + MetricKeys.LeadTimeMedian,
                "set lead_time_seconds_mean or lead_time_seconds_median, not both: each scales the same lead time"));
        }

        return changes;
    }
}
