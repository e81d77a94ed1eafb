using System.Globalization;
using EvalFramework.Contract;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Turns the YAML tree of <c>evaluation.yaml</c> into an <see cref="EvaluationConfig"/>, reporting every problem
/// (not just the first) to the <see cref="ErrorSink"/>. The schema lives here, in one place.
/// </summary>
internal sealed class ConfigReader
{
    /// <summary>How far the arm shares may be from summing to 1.</summary>
    public const double ShareTolerance = 1e-6;

    private static readonly string[] _rootKeys =
        ["confidenceLevel", "minSamplePerArm", "kAnonymity", "nonInferiorityMargins", "energy", "pilots"];

    private static readonly string[] _marginKeys = ["error_rate", "csat_mean"];

    private static readonly string[] _energyKeys = ["gridIntensityGCo2ePerKwh", "pue", "workstationWatts", "tokenEnergy"];

    private static readonly string[] _tokenEnergyKeys = ["alpha", "beta", "batchSize", "gamma"];

    private static readonly string[] _pilotKeys =
    [
        "slug", "displayName", "caseTypes", "arms", "baselineArm", "staffRoles", "aiModels", "fixedCosts",
        "maintenance", "attributeKeys", "attributeValues", "channels", "escalationReasons", "integrationSystems",
        "integrationFailureKinds", "maintenanceKinds", "teams", "caseIds",
    ];

    private static readonly string[] _armKeys = ["name", "share"];

    private static readonly string[] _roleKeys = ["hourlyCostSek"];

    private static readonly string[] _modelKeys = ["inputPerMillionSek", "outputPerMillionSek", "activeParamsBillions"];

    private static readonly string[] _fixedCostKeys = ["name", "monthlySek", "arm"];

    private static readonly string[] _maintenanceKeys = ["hourlyCostSek", "defaultArm"];

    private const string NotNegative = "must not be negative";

    private const string SlugRule = "must be a slug of 1–64 characters (a-z, 0-9, '_' or '-')";

    private readonly ErrorSink _errors;

    public ConfigReader(ErrorSink errors) => _errors = errors;

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
        var margins = ReadMargins(m);
        var energy = ReadEnergy(m);
        var pilots = ReadPilots(m);

        if (_errors.Count > 0 || pilots is null)
        {
            return null;
        }

        return new EvaluationConfig
        {
            ConfidenceLevel = confidence ?? ConfigDefaults.ConfidenceLevel,
            MinSamplePerArm = minSample ?? ConfigDefaults.MinSamplePerArm,
            KAnonymity = k ?? ConfigDefaults.KAnonymity,
            NonInferiorityMargins = margins,
            Energy = energy,
            Pilots = pilots,
            Methodology = new MethodologyInfo(Methodology.Version, ""),
        };
    }

    private NonInferiorityMargins ReadMargins(MappingReader parent)
    {
        if (parent.Mapping("nonInferiorityMargins", false) is not { } node)
        {
            return NonInferiorityMargins.None;
        }

        var m = new MappingReader(_errors, node, parent.KeyOf("nonInferiorityMargins"), _marginKeys);
        return new NonInferiorityMargins(
            m.Number("error_rate", false, x => x is >= 0 and <= 1, "must be between 0 and 1 (a share); margins must not be negative"),
            m.Number("csat_mean", false, x => x >= 0, "must not be negative (points on the 1–5 scale)"));
    }

    private EnergyFactors ReadEnergy(MappingReader parent)
    {
        var d = EnergyFactors.Default;
        if (parent.Mapping("energy", false) is not { } node)
        {
            return d;
        }

        var m = new MappingReader(_errors, node, parent.KeyOf("energy"), _energyKeys);
        var grid = m.Number("gridIntensityGCo2ePerKwh", false, x => x >= 0, NotNegative);
        var pue = m.Number("pue", false, x => x >= 1, "must be at least 1 (1.0 = no overhead)");
        var watts = m.Number("workstationWatts", false, x => x >= 0, NotNegative);
        double? alpha = null, beta = null, batch = null, gamma = null;
        if (m.Mapping("tokenEnergy", false) is { } tokenNode)
        {
            var t = new MappingReader(_errors, tokenNode, m.KeyOf("tokenEnergy"), _tokenEnergyKeys);
            alpha = t.Number("alpha", false, x => x >= 0, NotNegative);
            beta = t.Number("beta", false);
            batch = t.Number("batchSize", false, x => x >= 1, "must be at least 1");
            gamma = t.Number("gamma", false, x => x >= 0, NotNegative);
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

    private List<PilotConfig>? ReadPilots(MappingReader parent)
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
            var path = Index("pilots", i);
            if (node.Children[i] is not YamlMappingNode item)
            {
                _errors.At(node.Children[i], path, "must be a mapping of keys to values" + MappingReader.Found(node.Children[i]));
                continue;
            }

            var pilot = ReadPilot(new MappingReader(_errors, item, path, _pilotKeys));
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

    private PilotConfig? ReadPilot(MappingReader m)
    {
        var before = _errors.Count;
        var slug = m.Text("slug", true, EventValidator.IsPilotSlug, "must be a slug of 1–63 characters: a-z or 0-9 first, then a-z, 0-9 or '-'");
        var displayName = m.Text("displayName", true, s => s.Length > 0, "must not be empty");
        var caseTypes = ReadSlugList(m, "caseTypes", true, "case type", atLeastOne: true);
        var arms = ReadArms(m, out var armNames);
        var baseline = m.Text("baselineArm", true);
        if (baseline is not null && armNames is not null && !armNames.Contains(baseline, StringComparer.Ordinal))
        {
            _errors.At(m.Get("baselineArm", false)!, m.KeyOf("baselineArm"),
                "baseline arm '" + baseline + "' is not defined in arms (" + string.Join(", ", armNames) + ")");
        }

        var roles = ReadRoles(m);
        var models = ReadModels(m);
        var fixedCosts = ReadFixedCosts(m, armNames);
        var maintenance = ReadMaintenance(m, armNames);
        var attributeKeys = ReadSlugList(m, "attributeKeys", false, "attribute key", atLeastOne: false);
        var attributeValues = ReadAttributeValues(m, attributeKeys ?? ConfigDefaults.AttributeKeys);
        var channels = ReadSlugList(m, "channels", false, "channel", atLeastOne: false);
        var reasons = ReadSlugList(m, "escalationReasons", false, "escalation reason", atLeastOne: false);
        var systems = ReadSlugList(m, "integrationSystems", false, "integration system", atLeastOne: false);
        var failureKinds = ReadSlugList(m, "integrationFailureKinds", false, "integration failure kind", atLeastOne: false);
        var maintenanceKinds = ReadSlugList(m, "maintenanceKinds", false, "maintenance kind", atLeastOne: false);
        var teams = ReadSlugList(m, "teams", false, "team", atLeastOne: false);
        var caseIds = m.Text("caseIds", false, s => s is "pseudonym" or "any", "must be pseudonym or any");

        if (_errors.Count > before)
        {
            return null;
        }

        return new PilotConfig
        {
            Slug = slug!,
            DisplayName = displayName!,
            CaseTypes = caseTypes!,
            Arms = arms!,
            BaselineArm = baseline!,
            StaffRoles = roles!,
            AiModels = models!,
            FixedCosts = fixedCosts!,
            Maintenance = maintenance!,
            AttributeKeys = attributeKeys ?? ConfigDefaults.AttributeKeys,
            AttributeValues = attributeValues ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
            Channels = channels ?? [],
            EscalationReasons = reasons ?? [],
            IntegrationSystems = systems ?? [],
            IntegrationFailureKinds = failureKinds ?? [],
            MaintenanceKinds = maintenanceKinds ?? [],
            Teams = teams ?? [],
            CaseIds = caseIds == "any" ? CaseIdRule.Any : CaseIdRule.Pseudonym,
            SourceFile = _errors.File,
            KeyPath = m.Path,
            AiModelsLine = ErrorSink.LineOf(m.NodeOf("aiModels")),
            StaffRolesLine = ErrorSink.LineOf(m.NodeOf("staffRoles")),
        };
    }

    /// <summary>
    /// Reads <c>attributeValues</c>: for some attribute keys (each one of <paramref name="keys"/>), the list of values it
    /// may take. Values are 1–256 characters of plain text (<see cref="EventValidator.IsPlainText"/>), never an identifier.
    /// </summary>
    private Dictionary<string, IReadOnlyList<string>>? ReadAttributeValues(MappingReader m, IReadOnlyList<string> keys)
    {
        if (m.Mapping("attributeValues", false) is not { } node)
        {
            return m.Get("attributeValues", false) is null ? null : [];
        }

        var path = m.KeyOf("attributeValues");
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                _errors.At(keyNode, path, "'" + key + "' is not one of the pilot's attributeKeys (" + string.Join(", ", keys) + ")");
                continue;
            }

            if (value is not YamlSequenceNode list)
            {
                _errors.At(value, path + "." + key, "must be a list of values" + MappingReader.Found(value));
                continue;
            }

            result[key] = ReadValues(list, path + "." + key, "value", IsAttributeValue,
                _ => "must be 1–256 characters without control or invisible formatting characters");
        }

        return result;
    }

    private List<string>? ReadSlugList(MappingReader m, string key, bool required, string what, bool atLeastOne)
    {
        if (m.Sequence(key, required) is not { } node)
        {
            return null;
        }

        var path = m.KeyOf(key);
        if (atLeastOne && node.Children.Count == 0)
        {
            _errors.At(node, path, "must list at least one " + what);
            return null;
        }

        return ReadValues(node, path, what, v => EventValidator.IsSlug(v), v => SlugRule + " (found '" + v + "')", slug: true);
    }

    private static bool IsAttributeValue(string text) => text.Length is > 0 and <= 256 && EventValidator.IsPlainText(text);

    /// <summary>
    /// The values of a vocabulary list: each a single value of the list's form, no personal identifier (read as the
    /// collector's guard reads that form: as a slug or as free text), no duplicate; an error for each that is not.
    /// </summary>
    private List<string> ReadValues(YamlSequenceNode node, string path, string what, Func<string, bool> valid, Func<string, string> rule,
        bool slug = false)
    {
        var values = new List<string>();
        for (var i = 0; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            if (child is not YamlScalarNode { Value: { } value } || MappingReader.IsNull(child))
            {
                _errors.At(child, Index(path, i), "must be a single value" + MappingReader.Found(child));
            }
            else if (!valid(value))
            {
                _errors.At(child, Index(path, i), rule(value));
            }
            else if ((slug ? IdentifierGuard.FindInSlug(value) : IdentifierGuard.Find(value)) is { } kind)
            {
                _errors.At(child, Index(path, i), "looks like " + IdentifierGuard.Describe(kind) + "; a vocabulary never holds personal identifiers");
            }
            else if (values.Contains(value, StringComparer.Ordinal))
            {
                _errors.At(child, Index(path, i), "duplicate " + what + " '" + value + "'");
            }
            else
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>Reads the arms; <paramref name="names"/> gets every well-formed arm name (even when a share is wrong) so
    /// references to arms are still checked, or <see langword="null"/> when the list itself is unusable.</summary>
    private List<ArmConfig>? ReadArms(MappingReader m, out List<string>? names)
    {
        names = null;
        if (m.Sequence("arms", true) is not { } node)
        {
            return null;
        }

        var path = m.KeyOf("arms");
        if (node.Children.Count < 2)
        {
            _errors.At(node, path, "must list at least two arms (a baseline and a treatment)");
            return null;
        }

        var before = _errors.Count;
        var arms = new List<ArmConfig>();
        names = [];
        for (var i = 0; i < node.Children.Count; i++)
        {
            if (node.Children[i] is not YamlMappingNode item)
            {
                _errors.At(node.Children[i], Index(path, i), "must be a mapping with name and share" + MappingReader.Found(node.Children[i]));
                continue;
            }

            var a = new MappingReader(_errors, item, Index(path, i), _armKeys);
            var name = a.Text("name", true, s => EventValidator.IsSlug(s), SlugRule);
            var share = a.Number("share", true, x => x is >= 0 and <= 1, "must be between 0 and 1");
            if (name is not null && names.Contains(name, StringComparer.Ordinal))
            {
                _errors.At(a.NodeOf("name"), a.KeyOf("name"), "duplicate arm '" + name + "'");
                continue;
            }

            if (name is not null)
            {
                names.Add(name);
                if (share is not null)
                {
                    arms.Add(new ArmConfig(name, share.Value));
                }
            }
        }

        if (_errors.Count > before)
        {
            return null;
        }

        var sum = arms.Sum(a => a.Share);
        if (Math.Abs(sum - 1) > ShareTolerance)
        {
            _errors.At(m.NodeOf("arms"), path,
                string.Create(CultureInfo.InvariantCulture, $"the arm shares must sum to 1 (they sum to {sum})"));
            return null;
        }

        return arms;
    }

    private Dictionary<string, StaffRoleConfig>? ReadRoles(MappingReader m)
    {
        if (m.Mapping("staffRoles", true) is not { } node)
        {
            return null;
        }

        var path = m.KeyOf("staffRoles");
        if (node.Children.Count == 0)
        {
            _errors.At(node, path, "must define at least one role");
            return null;
        }

        var roles = new Dictionary<string, StaffRoleConfig>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            if (ReadName(keyNode, path, "role", EventValidator.IsSlug((keyNode as YamlScalarNode)?.Value ?? "")) is not { } role)
            {
                continue;
            }

            if (value is not YamlMappingNode item)
            {
                _errors.At(value, path + "." + role, "must be a mapping with hourlyCostSek" + MappingReader.Found(value));
                continue;
            }

            var r = new MappingReader(_errors, item, path + "." + role, _roleKeys);
            if (r.Number("hourlyCostSek", true, x => x >= 0, NotNegative) is { } cost)
            {
                roles[role] = new StaffRoleConfig(role, cost);
            }
        }

        return roles;
    }

    private Dictionary<string, AiModelConfig>? ReadModels(MappingReader m)
    {
        var models = new Dictionary<string, AiModelConfig>(StringComparer.Ordinal);
        if (m.Mapping("aiModels", false) is not { } node)
        {
            return m.Get("aiModels", false) is null ? models : null;
        }

        var path = m.KeyOf("aiModels");
        foreach (var (keyNode, value) in node.Children)
        {
            var raw = (keyNode as YamlScalarNode)?.Value ?? "";
            if (ReadName(keyNode, path, "model", raw.Length is > 0 and <= 128 && !raw.Any(char.IsControl)) is not { } model)
            {
                continue;
            }

            if (value is not YamlMappingNode item)
            {
                _errors.At(value, path + "." + model, "must be a mapping with inputPerMillionSek, outputPerMillionSek and activeParamsBillions" + MappingReader.Found(value));
                continue;
            }

            var r = new MappingReader(_errors, item, path + "." + model, _modelKeys);
            var input = r.Number("inputPerMillionSek", true, x => x >= 0, NotNegative);
            var output = r.Number("outputPerMillionSek", true, x => x >= 0, NotNegative);
            var parameters = r.Number("activeParamsBillions", true, x => x > 0, "must be greater than 0");
            if (input is not null && output is not null && parameters is not null)
            {
                models[model] = new AiModelConfig(model, input.Value, output.Value, parameters.Value);
            }
        }

        return models;
    }

    private List<FixedCostConfig>? ReadFixedCosts(MappingReader m, List<string>? armNames)
    {
        var costs = new List<FixedCostConfig>();
        if (m.Sequence("fixedCosts", false) is not { } node)
        {
            return m.Get("fixedCosts", false) is null ? costs : null;
        }

        var path = m.KeyOf("fixedCosts");
        for (var i = 0; i < node.Children.Count; i++)
        {
            if (node.Children[i] is not YamlMappingNode item)
            {
                _errors.At(node.Children[i], Index(path, i), "must be a mapping with name, monthlySek and arm" + MappingReader.Found(node.Children[i]));
                continue;
            }

            var f = new MappingReader(_errors, item, Index(path, i), _fixedCostKeys);
            var name = f.Text("name", true, s => s.Length > 0, "must not be empty");
            var monthly = f.Number("monthlySek", true, x => x >= 0, NotNegative);
            var arm = ReadArmReference(f, "arm", true, armNames);
            if (name is not null && monthly is not null && arm is not null)
            {
                costs.Add(new FixedCostConfig(name, monthly.Value, arm));
            }
        }

        return costs;
    }

    private MaintenanceConfig? ReadMaintenance(MappingReader m, List<string>? armNames)
    {
        if (m.Mapping("maintenance", true) is not { } node)
        {
            return null;
        }

        var r = new MappingReader(_errors, node, m.KeyOf("maintenance"), _maintenanceKeys);
        var cost = r.Number("hourlyCostSek", true, x => x >= 0, NotNegative);
        var defaultArm = ReadArmReference(r, "defaultArm", false, armNames);
        return cost is null ? null : new MaintenanceConfig(cost.Value, defaultArm);
    }

    private string? ReadArmReference(MappingReader r, string key, bool required, List<string>? armNames)
    {
        var arm = r.Text(key, required);
        if (arm is not null && armNames is not null && !armNames.Contains(arm, StringComparer.Ordinal))
        {
            _errors.At(r.Get(key, false)!, r.KeyOf(key), "arm '" + arm + "' is not defined in arms (" + string.Join(", ", armNames) + ")");
        }

        return arm;
    }

    private string? ReadName(YamlNode keyNode, string path, string what, bool valid)
    {
        if (keyNode is not YamlScalarNode { Value: { } name } || !valid)
        {
            _errors.At(keyNode, path, "invalid " + what + " name" + MappingReader.Found(keyNode)
                + (what == "role" ? ": " + SlugRule : ": must be 1–128 characters without control characters"));
            return null;
        }

        return name;
    }

    private static string Index(string path, int i) => string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
}
