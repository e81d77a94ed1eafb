using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Turns the YAML tree of <c>evaluation.yaml</c> into an <see cref="EvaluationConfig"/>, reporting every problem
/// (not just the first) to the <see cref="ErrorSink"/>. The schema lives here and in <see cref="PilotReader"/>, <see cref="PilotCostReader"/> and
/// <see cref="VocabularyReader"/>.
/// </summary>
internal sealed class ConfigReader
{
    private static readonly string[] _rootKeys =
        ["confidenceLevel", "minSamplePerArm", "kAnonymity", "followUpDays", "nonInferiorityMargins", "energy", "pilots"];

    private static readonly string[] _energyKeys = ["gridIntensityGCo2ePerKwh", "pue", "workstationWatts", "tokenEnergy"];

    private static readonly string[] _tokenEnergyKeys = ["alpha", "beta", "batchSize", "gamma"];

    private readonly ErrorSink _errors;
    private readonly PilotReader _pilots;

    public ConfigReader(ErrorSink errors)
    {
        _errors = errors;
        _pilots = new PilotReader(errors);
    }

    /// <summary>Reads the document; returns <see langword="null"/> when any error was found (they are in the sink).</summary>
    public EvaluationConfig? Read(YamlNode root)
    {
        if (root is not YamlMappingNode rootMapping)
        {
            _errors.At(root, "(document)", "must be a mapping of keys to values" + MappingReader.Found(root));
            return null;
        }

        var m = new MappingReader(_errors, rootMapping, "", _rootKeys);
        var confidence = m.Number("confidenceLevel", false, x => x is > 0 and < 1, "must be between 0 and 1, exclusive (e.g. 0.95)");
        var minSample = m.Integer("minSamplePerArm", false, x => x >= 2, "must be at least 2");
        var k = m.Integer("kAnonymity", false, x => x >= 2, "must be at least 2");
        var followUp = m.Integer("followUpDays", false, x => x is >= 0 and <= 365, "must be between 0 and 365 (days)");
        if (m.Get("nonInferiorityMargins", false) is not null)
        {
            _errors.At(m.NodeOf("nonInferiorityMargins"), "nonInferiorityMargins",
                "has moved into each pilot's analysisPlan: list the metrics under analysisPlan.guardrails with their margin " +
                "(e.g. - metric: error_rate, margin: 0.02)");
        }

        var energy = ReadEnergy(m);
        var pilots = ReadPilots(m, 1 - (confidence ?? ConfigDefaults.ConfidenceLevel));

        if (_errors.Count > 0 || pilots is null)
        {
            return null;
        }

        return new EvaluationConfig
        {
            ConfidenceLevel = confidence ?? ConfigDefaults.ConfidenceLevel,
            MinSamplePerArm = minSample ?? ConfigDefaults.MinSamplePerArm,
            KAnonymity = k ?? ConfigDefaults.KAnonymity,
            FollowUpDays = followUp ?? ConfigDefaults.FollowUpDays,
            Energy = energy,
            Pilots = pilots,
            Methodology = new MethodologyInfo(Methodology.Version, ""),
        };
    }

    private EnergyFactors ReadEnergy(MappingReader parent)
    {
        var d = EnergyFactors.Default;
        if (parent.Mapping("energy", false) is not { } node)
        {
            return d;
        }

        var m = new MappingReader(_errors, node, parent.KeyOf("energy"), _energyKeys);
        var grid = m.Number("gridIntensityGCo2ePerKwh", false, x => x >= 0, ConfigRules.NotNegative);
        var pue = m.Number("pue", false, x => x >= 1, "must be at least 1 (1.0 = no overhead)");
        var watts = m.Number("workstationWatts", false, x => x >= 0, ConfigRules.NotNegative);
        double? alpha = null, beta = null, batch = null, gamma = null;
        if (m.Mapping("tokenEnergy", false) is { } tokenNode)
        {
            var t = new MappingReader(_errors, tokenNode, m.KeyOf("tokenEnergy"), _tokenEnergyKeys);
            alpha = t.Number("alpha", false, x => x >= 0, ConfigRules.NotNegative);
            beta = t.Number("beta", false);
            batch = t.Number("batchSize", false, x => x >= 1, "must be at least 1");
            gamma = t.Number("gamma", false, x => x >= 0, ConfigRules.NotNegative);
        }

        return new EnergyFactors(
            grid ?? d.GridIntensityGCo2ePerKwh,
            pue ?? d.Pue,
            watts ?? d.WorkstationWatts,
            alpha ?? d.TokenEnergyAlpha,
            beta ?? d.TokenEnergyBeta,
            batch ?? d.TokenEnergyBatchSize,
            gamma ?? d.TokenEnergyGamma);
    }

    private List<PilotConfig>? ReadPilots(MappingReader parent, double defaultAlpha)
    {
        if (parent.Sequence("pilots", true) is not { } node)
        {
            return null;
        }

        if (node.Children.Count == 0)
        {
            _errors.At(node, "pilots", "must list at least one pilot");
            return null;
        }

        var pilots = new List<PilotConfig>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < node.Children.Count; i++)
        {
            var path = ConfigRules.Index("pilots", i);
            if (node.Children[i] is not YamlMappingNode item)
            {
                _errors.At(node.Children[i], path, "must be a mapping of keys to values" + MappingReader.Found(node.Children[i]));
                continue;
            }

            var pilot = _pilots.Read(item, path, defaultAlpha);
            if (pilot is null)
            {
                continue;
            }

            if (!slugs.Add(pilot.Slug))
            {
                _errors.At(item, path + ".slug", "duplicate pilot '" + pilot.Slug + "'");
            }

            pilots.Add(pilot);
        }

        return pilots;
    }
}
