using System.Globalization;
using EvalFramework.Contract;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>Reads one pilot of <c>evaluation.yaml</c>: its identity, case types, arms and baseline, with its costs
/// (<see cref="PilotCostReader"/>) and vocabulary (<see cref="VocabularyReader"/>).</summary>
internal sealed class PilotReader
{
    /// <summary>How far the arm shares may be from summing to 1.</summary>
    public const double ShareTolerance = 1e-6;

    private static readonly string[] _pilotKeys =
    [
        "slug", "displayName", "caseTypes", "arms", "baselineArm", "staffRoles", "aiModels", "fixedCosts",
        "oneOffCosts", "maintenance", "attributeKeys", "attributeValues", "channels", "escalationReasons", "integrationSystems",
        "integrationFailureKinds", "maintenanceKinds", "teams", "caseIds", "analysisPlan", "design",
    ];

    private static readonly string[] _armKeys = ["name", "share"];

    private readonly ErrorSink _errors;
    private readonly PilotCostReader _costs;
    private readonly VocabularyReader _vocabulary;
    private readonly AnalysisPlanReader _plan;
    private readonly DesignReader _design;

    public PilotReader(ErrorSink errors)
    {
        _errors = errors;
        _costs = new PilotCostReader(errors);
        _vocabulary = new VocabularyReader(errors);
        _plan = new AnalysisPlanReader(errors);
        _design = new DesignReader(errors);
    }

    /// <summary>Reads one item of <c>pilots</c>; null when it has an error (reported to the sink).</summary>
    /// <param name="item">The pilot's mapping.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="defaultAlpha">The analysis plan's alpha when it sets none: 1 − the config's confidence level.</param>
    public PilotConfig? Read(YamlMappingNode item, string path, double defaultAlpha)
    {
        var m = new MappingReader(_errors, item, path, _pilotKeys);
        var before = _errors.Count;
        var slug = m.Text("slug", true, EventValidator.IsPilotSlug, "must be a slug of 1–63 characters: a-z or 0-9 first, then a-z, 0-9 or '-'");
        var displayName = m.Text("displayName", true, s => s.Length > 0, "must not be empty");
        var caseTypes = _vocabulary.SlugList(m, "caseTypes", true, "case type", atLeastOne: true);
        var arms = ReadArms(m, out var armNames);
        var baseline = m.Text("baselineArm", true);
        if (baseline is not null && armNames is not null && !armNames.Contains(baseline, StringComparer.Ordinal))
        {
            _errors.At(m.Get("baselineArm", false)!, m.KeyOf("baselineArm"),
                "baseline arm '" + baseline + "' is not defined in arms (" + string.Join(", ", armNames) + ")");
        }

        var roles = _costs.Roles(m);
        var models = _costs.Models(m);
        var fixedCosts = _costs.FixedCosts(m, armNames);
        var oneOffCosts = _costs.OneOffCosts(m, armNames);
        var attributeKeys = _vocabulary.SlugList(m, "attributeKeys", false, "attribute key", atLeastOne: false);
        var attributeValues = _vocabulary.AttributeValues(m, attributeKeys ?? ConfigDefaults.AttributeKeys);
        var channels = _vocabulary.SlugList(m, "channels", false, "channel", atLeastOne: false);
        var reasons = _vocabulary.SlugList(m, "escalationReasons", false, "escalation reason", atLeastOne: false);
        var systems = _vocabulary.SlugList(m, "integrationSystems", false, "integration system", atLeastOne: false);
        var failureKinds = _vocabulary.SlugList(m, "integrationFailureKinds", false, "integration failure kind", atLeastOne: false);
        var maintenanceKinds = _vocabulary.SlugList(m, "maintenanceKinds", false, "maintenance kind", atLeastOne: false);
        var maintenance = _costs.Maintenance(m, armNames, m.Get("maintenanceKinds", false) is null ? [] : maintenanceKinds);
        var teams = _vocabulary.SlugList(m, "teams", false, "team", atLeastOne: false);
        var caseIds = m.Text("caseIds", false, s => s is "pseudonym" or "any", "must be pseudonym or any");
        var plan = _plan.Read(m, caseTypes, defaultAlpha);
        var design = _design.Read(m);
        if (design is { Unit: AssignmentUnits.Team } && arms is not null && (teams is not null || m.Get("teams", false) is null))
        {
            CheckTeamsForDesign(m, design, teams?.Count ?? 0, arms.Count);
        }

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
            OneOffCosts = oneOffCosts!,
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
            AnalysisPlan = plan!,
            Design = design!,
            SourceFile = _errors.File,
            KeyPath = m.Path,
            AiModelsLine = ErrorSink.LineOf(m.NodeOf("aiModels")),
            StaffRolesLine = ErrorSink.LineOf(m.NodeOf("staffRoles")),
        };
    }

    /// <summary>
    /// A design by team names its teams in <c>teams</c> (an assignment's team must be one of them), enough for
    /// <c>design.minUnitsPerArm</c> in every arm; else no comparison could ever get a verdict.
    /// </summary>
    private void CheckTeamsForDesign(MappingReader m, DesignConfig design, int teams, int arms)
    {
        var needed = design.MinUnitsPerArm * arms;
        if (teams == 0)
        {
            _errors.At(m.NodeOf("design"), m.KeyOf("teams"), string.Create(CultureInfo.InvariantCulture,
                $"a design by team needs the pilot's teams listed in teams (an assignment names one of them): at least {needed}, {design.MinUnitsPerArm} per arm (design.minUnitsPerArm)"));
        }
        else if (teams < needed)
        {
            _errors.At(m.NodeOf("teams"), m.KeyOf("teams"), string.Create(CultureInfo.InvariantCulture,
                $"lists {teams} team(s); a design by team needs at least {design.MinUnitsPerArm} per arm (design.minUnitsPerArm), {needed} for the {arms} arms"));
        }
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
                _errors.At(node.Children[i], ConfigRules.Index(path, i), "must be a mapping with name and share" + MappingReader.Found(node.Children[i]));
                continue;
            }

            var a = new MappingReader(_errors, item, ConfigRules.Index(path, i), _armKeys);
            var name = a.Text("name", true, s => EventValidator.IsSlug(s), ConfigRules.SlugRule);
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
}
