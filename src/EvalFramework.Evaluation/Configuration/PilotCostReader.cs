using System.Globalization;
using EvalFramework.Contract;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Reads a pilot's prices: <c>staffRoles</c>, <c>aiModels</c>, <c>fixedCosts</c>, <c>oneOffCosts</c> and
/// <c>maintenance</c>.
/// </summary>
internal sealed class PilotCostReader(ErrorSink errors)
{
    private static readonly string[] _roleKeys = ["hourlyCostSek"];

    private static readonly string[] _modelKeys = ["inputPerMillionSek", "outputPerMillionSek", "activeParamsBillions"];

    private static readonly string[] _fixedCostKeys = ["name", "monthlySek", "arm"];

    private static readonly string[] _oneOffCostKeys = ["name", "amountSek", "date", "arm", "amortisationMonths"];

    private static readonly string[] _maintenanceKeys = ["hourlyCostSek", "defaultArm", "oneOffKinds", "amortisationMonths"];

    private const string AmortisationRule = "must be a whole number of months from 1 to 120";

    private readonly ErrorSink _errors = errors;

    public Dictionary<string, StaffRoleConfig>? Roles(MappingReader m)
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
            if (r.Number("hourlyCostSek", true, x => x >= 0, ConfigRules.NotNegative) is { } cost)
            {
                roles[role] = new StaffRoleConfig(role, cost);
            }
        }

        return roles;
    }

    public Dictionary<string, AiModelConfig>? Models(MappingReader m)
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
            var input = r.Number("inputPerMillionSek", true, x => x >= 0, ConfigRules.NotNegative);
            var output = r.Number("outputPerMillionSek", true, x => x >= 0, ConfigRules.NotNegative);
            var parameters = r.Number("activeParamsBillions", true, x => x > 0, "must be greater than 0");
            if (input is not null && output is not null && parameters is not null)
            {
                models[model] = new AiModelConfig(model, input.Value, output.Value, parameters.Value);
            }
        }

        return models;
    }

    public List<FixedCostConfig>? FixedCosts(MappingReader m, List<string>? armNames)
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
                _errors.At(node.Children[i], ConfigRules.Index(path, i), "must be a mapping with name, monthlySek and arm" + MappingReader.Found(node.Children[i]));
                continue;
            }

            var f = new MappingReader(_errors, item, ConfigRules.Index(path, i), _fixedCostKeys);
            var name = f.Text("name", true, s => s.Length > 0, "must not be empty");
            var monthly = f.Number("monthlySek", true, x => x >= 0, ConfigRules.NotNegative);
            var arm = ReadArmReference(f, "arm", true, armNames);
            if (name is not null && monthly is not null && arm is not null)
            {
                costs.Add(new FixedCostConfig(name, monthly.Value, arm));
            }
        }

        return costs;
    }

    public List<OneOffCostConfig>? OneOffCosts(MappingReader m, List<string>? armNames)
    {
        var costs = new List<OneOffCostConfig>();
        if (m.Sequence("oneOffCosts", false) is not { } node)
        {
            return m.Get("oneOffCosts", false) is null ? costs : null;
        }

        var path = m.KeyOf("oneOffCosts");
        for (var i = 0; i < node.Children.Count; i++)
        {
            if (node.Children[i] is not YamlMappingNode item)
            {
                _errors.At(node.Children[i], ConfigRules.Index(path, i), "must be a mapping with name, amountSek, date and arm" + MappingReader.Found(node.Children[i]));
                continue;
            }

            var f = new MappingReader(_errors, item, ConfigRules.Index(path, i), _oneOffCostKeys);
            var name = f.Text("name", true, s => s.Length > 0, "must not be empty");
            var amount = f.Number("amountSek", true, x => x >= 0, ConfigRules.NotNegative);
            var date = f.Text("date", true, s => ParseDate(s) is not null, "must be a date as yyyy-MM-dd");
            var arm = ReadArmReference(f, "arm", true, armNames);
            var months = AmortisationMonths(f);
            if (name is not null && amount is not null && date is not null && arm is not null && months is not null)
            {
                costs.Add(new OneOffCostConfig(name, amount.Value, ParseDate(date)!.Value, arm, months.Value));
            }
        }

        return costs;
    }

    /// <summary>Reads <c>maintenance</c>; its <c>oneOffKinds</c> must be among <paramref name="maintenanceKinds"/>.</summary>
    public MaintenanceConfig? Maintenance(MappingReader m, List<string>? armNames, List<string>? maintenanceKinds)
    {
        if (m.Mapping("maintenance", true) is not { } node)
        {
            return null;
        }

        var r = new MappingReader(_errors, node, m.KeyOf("maintenance"), _maintenanceKeys);
        var cost = r.Number("hourlyCostSek", true, x => x >= 0, ConfigRules.NotNegative);
        var defaultArm = ReadArmReference(r, "defaultArm", false, armNames);
        var oneOffKinds = OneOffKinds(r, maintenanceKinds);
        var months = AmortisationMonths(r);
        return cost is null || oneOffKinds is null || months is null
            ? null
            : new MaintenanceConfig(cost.Value, defaultArm) { OneOffKinds = oneOffKinds, AmortisationMonths = months.Value };
    }

    /// <summary>The optional <c>amortisationMonths</c> of a mapping, default <see cref="ConfigDefaults.AmortisationMonths"/>.</summary>
    private int? AmortisationMonths(MappingReader r) => r.Get("amortisationMonths", false) is null
        ? ConfigDefaults.AmortisationMonths
        : r.Integer("amortisationMonths", false, x => x is >= 1 and <= MaintenanceConfig.MaxAmortisationMonths, AmortisationRule);

    /// <summary>Reads <c>maintenance.oneOffKinds</c>: a list of the pilot's maintenance kinds, no duplicate (default none).</summary>
    private List<string>? OneOffKinds(MappingReader r, List<string>? maintenanceKinds)
    {
        if (r.Sequence("oneOffKinds", false) is not { } node)
        {
            return r.Get("oneOffKinds", false) is null ? [] : null;
        }

        var path = r.KeyOf("oneOffKinds");
        var kinds = new List<string>();
        var valid = true;
        for (var i = 0; i < node.Children.Count; i++)
        {
            var item = node.Children[i];
            var kind = (item as YamlScalarNode)?.Value;
            string? error = kind is null ? "must be a maintenance kind" + MappingReader.Found(item)
                : kinds.Contains(kind, StringComparer.Ordinal) ? "duplicate kind '" + kind + "'"
                : maintenanceKinds is not null && !maintenanceKinds.Contains(kind, StringComparer.Ordinal)
                    ? "kind '" + kind + "' is not one of the pilot's maintenanceKinds ("
                      + (maintenanceKinds.Count > 0 ? string.Join(", ", maintenanceKinds) : "it lists none") + ")"
                : null;
            if (error is not null)
            {
                _errors.At(item, ConfigRules.Index(path, i), error);
                valid = false;
                continue;
            }

            kinds.Add(kind!);
        }

        return valid ? kinds : null;
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

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
                + (what == "role" ? ": " + ConfigRules.SlugRule : ": must be 1–128 characters without control characters"));
            return null;
        }

        return name;
    }
}
