using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalFramework.EndToEnd.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>Static checks of every dashboard in dashboards/: what Grafana and Prometheus would only show at run time.</summary>
public sealed partial class DashboardLintTests
{
    /// <summary>Grafana unit ids the dashboards may use (grafana-data valueFormats/categories.ts).</summary>
    private static readonly HashSet<string> GrafanaUnits =
        ["none", "short", "percentunit", "s", "h", "d", "reqps", "currencySEK", "watth", "kwatth", "watt", "joule", "massg", "masskg"];

    [Fact]
    public void Dashboards_Folder_ThreeValidDashboardsWithUniqueUidsAndVariables()
    {
        var dashboards = Dashboards.All();

        Assert.True(dashboards.Count >= 3, $"{dashboards.Count} dashboards");
        var uids = dashboards.Select(d => d.Dashboard["uid"]!.GetValue<string>()).ToList();
        Assert.Equal(uids.Count, uids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(dashboards, d =>
        {
            var variables = d.Dashboard["templating"]!["list"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(["pilot", "case_type", "arm"], variables);
        });
    }

    [Fact]
    public void Panels_EveryDashboard_UniqueIds()
    {
        var problems = new List<string>();
        foreach (var (file, dashboard) in Dashboards.All())
        {
            var ids = Dashboards.Panels(dashboard).Select(p => p["id"]!.GetValue<int>()).ToList();
            problems.AddRange(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => $"{file}: panel id {g.Key} used {g.Count()} times"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Panels_EveryDataPanel_HasTitleUnitDescriptionAndQuery()
    {
        var problems = new List<string>();
        foreach (var (file, dashboard) in Dashboards.All())
        {
            foreach (var panel in Dashboards.DataPanels(dashboard))
            {
                var title = panel["title"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(title))
                {
                    problems.Add($"{file}: panel {panel["id"]} has no title");
                }

                var unit = panel["fieldConfig"]?["defaults"]?["unit"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(unit))
                {
                    problems.Add($"{file}: '{title}' has no unit");
                }
                else if (!GrafanaUnits.Contains(unit) && !unit.StartsWith("suffix:", StringComparison.Ordinal))
                {
                    problems.Add($"{file}: '{title}' has unit '{unit}', which is not a Grafana unit id");
                }

                if (string.IsNullOrWhiteSpace(panel["description"]?.GetValue<string>()))
                {
                    problems.Add($"{file}: '{title}' has no description");
                }

                if (panel["targets"] is not JsonArray { Count: > 0 })
                {
                    problems.Add($"{file}: '{title}' has no query");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Queries_EveryRate_UsesRateInterval()
    {
        var problems = new List<string>();
        foreach (var (file, dashboard) in Dashboards.All())
        {
            foreach (var (panel, expr) in Dashboards.Queries(dashboard))
            {
                foreach (Match rate in RateRange().Matches(expr))
                {
                    if (rate.Groups["range"].Value != "$__rate_interval")
                    {
                        problems.Add($"{file}: '{panel["title"]}' uses {rate.Groups["fn"].Value}(...[{rate.Groups["range"].Value}])");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Queries_EveryCounter_UnderRateOrIncrease()
    {
        var problems = new List<string>();
        foreach (var (file, dashboard) in Dashboards.All())
        {
            foreach (var (panel, expr) in Dashboards.Queries(dashboard))
            {
                foreach (Match use in CounterUse().Matches(expr))
                {
                    if (!use.Groups["fn"].Success)
                    {
                        problems.Add($"{file}: '{panel["title"]}' reads counter {use.Groups["name"].Value} without rate/increase");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Queries_EverySnapshotGauge_OneSeriesWhateverTheReplicas()
    {
        // Every collector replica exports the same newest snapshots from the shared database; `max without (instance)`
        // keeps one series per database (job) instead of one per replica.
        var problems = new List<string>();
        var uses = 0;
        foreach (var (file, dashboard) in Dashboards.All())
        {
            foreach (var (panel, expr) in Dashboards.Queries(dashboard))
            {
                foreach (Match use in SnapshotGaugeUse().Matches(expr))
                {
                    uses++;
                    if (!use.Groups["wrap"].Success)
                    {
                        problems.Add($"{file}: '{panel["title"]}' reads {use.Groups["name"].Value} without max without (instance)");
                    }
                }
            }
        }

        Assert.True(uses > 0, "no snapshot gauge in any dashboard");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Datasources_EveryPanelTargetAndVariable_TheProvisionedUid()
    {
        var uid = ProvisionedDatasourceUid();
        var problems = new List<string>();
        foreach (var (file, dashboard) in Dashboards.All())
        {
            foreach (var panel in Dashboards.DataPanels(dashboard))
            {
                var uids = new[] { panel["datasource"]?["uid"]?.GetValue<string>() }
                    .Concat((panel["targets"]?.AsArray() ?? []).Select(t => t!["datasource"]?["uid"]?.GetValue<string>()));
                problems.AddRange(uids.Where(u => u != uid).Select(u => $"{file}: '{panel["title"]}' uses datasource '{u}'"));
            }

            foreach (var variable in dashboard["templating"]!["list"]!.AsArray())
            {
                if (variable!["datasource"]?["uid"]?.GetValue<string>() != uid)
                {
                    problems.Add($"{file}: variable {variable["name"]} does not use '{uid}'");
                }
            }
        }

        Assert.Equal("evalfw-prometheus", uid);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Queries_EveryMetricName_ExportedByTheCollector()
    {
        using var collector = new LiveCollector();
        collector.Start();
        var round = PilotTraffic.Round(casesPer: 1);
        (await collector.Client.PostAsync("/api/v1/events", PilotTraffic.Body(round))).EnsureSuccessStatusCode();
        (await collector.Client.PostAsync("/api/v1/events", PilotTraffic.Body(round.Take(1)))).EnsureSuccessStatusCode();
        await collector.Client.PostAsync("/api/v1/events", PilotTraffic.Body([PilotTraffic.Rejected()]));
        collector.SnapshotGauges.Publish(PilotTraffic.Snapshot());
        var scrape = await collector.ScrapeAsync();
        var exported = scrape.Split('\n').Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l[..l.IndexOfAny(['{', ' '])]).ToHashSet(StringComparer.Ordinal);
        var labelNames = LabelName().Matches(scrape).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var (file, dashboard) in Dashboards.All())
        {
            var expressions = Dashboards.Queries(dashboard).Select(q => (Title: q.Panel["title"]!.GetValue<string>(), q.Expr))
                .Concat(dashboard["templating"]!["list"]!.AsArray().Select(v => ("variable " + v!["name"], v["definition"]!.GetValue<string>())));
            foreach (var (title, expr) in expressions)
            {
                problems.AddRange(Dashboards.MetricNames(expr).Where(n => !exported.Contains(n) && !labelNames.Contains(n)).Select(n => $"{file}: '{title}' uses {n}, which the collector does not export"));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Overview_VerdictTables_PrimaryFirstThenGuardrailsThenExploratoryAboveEverythingElse()
    {
        var overview = Dashboards.All().Single(d => d.File == "evalframework-overview.json").Dashboard;
        var panels = Dashboards.DataPanels(overview).Select(p => (Panel: p, Y: p["gridPos"]!["y"]!.GetValue<int>(), Role: VerdictRole(p))).ToList();

        var roles = panels.Where(p => p.Role is not null).OrderBy(p => p.Y).ToList();

        Assert.Equal(["primary", "guardrail", "secondary"], roles.Select(r => r.Role));
        Assert.Contains("exploratory", roles[2].Panel["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(panels.Where(p => p.Role is null), p => Assert.True(p.Y > roles[^1].Y, $"'{p.Panel["title"]}' is above the verdicts"));
    }

    [Fact]
    public void Queries_EveryComparisonGauge_NoVerdictOnADescriptiveMetric()
    {
        // A comparison query names its metrics (none descriptive) or a role; the collector never exports a comparison of
        // a descriptive metric under any role (LatestSnapshotGaugesTests).
        var problems = new List<string>();
        var uses = 0;
        foreach (var (file, dashboard) in Dashboards.All())
        {
            foreach (var (panel, expr) in Dashboards.Queries(dashboard).Where(q => q.Expr.Contains("evalfw_snapshot_comparison_", StringComparison.Ordinal)))
            {
                uses++;
                var metric = MetricMatcher().Match(expr);
                var role = RoleMatcher().Match(expr);
                if (metric.Success)
                {
                    var pattern = new Regex("^(?:" + metric.Groups[1].Value + ")$");
                    problems.AddRange(EvalFramework.Evaluation.Snapshots.MetricKeys.Descriptive.Where(m => pattern.IsMatch(m))
                        .Select(m => $"{file}: '{panel["title"]}' shows a verdict on the descriptive metric {m}"));
                }
                else if (!role.Success)
                {
                    problems.Add($"{file}: '{panel["title"]}' reads comparisons without naming their metrics or role");
                }
            }
        }

        Assert.True(uses >= 12, $"{uses} comparison queries");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void VerdictTables_GoalsAndGuardrails_ShowWhichInferenceTheVerdictCameFrom()
    {
        // Every table with a verdict shows the comparison gauges' inference label as "Kind of result" in words (safe to
        // check every day / final result / fixed horizon), except the exploratory one, which says in its description that
        // its verdicts are never protected against daily checking.
        var problems = new List<string>();
        var tables = 0;
        foreach (var (file, dashboard) in Dashboards.All())
        {
            foreach (var panel in Dashboards.DataPanels(dashboard).Where(p => (p["targets"]?.AsArray() ?? [])
                         .Any(t => (t!["expr"]?.GetValue<string>() ?? "").Contains("evalfw_snapshot_comparison_verdict", StringComparison.Ordinal))))
            {
                tables++;
                var title = panel["title"]!.GetValue<string>();
                var organize = panel["transformations"]!.AsArray().Single(t => (string?)t!["id"] == "organize")!["options"]!;
                if (VerdictRole(panel) == "secondary")
                {
                    if (organize["excludeByName"]?["inference"]?.GetValue<bool>() != true
                        || !panel["description"]!.GetValue<string>().Contains("not protected against daily checking", StringComparison.Ordinal))
                    {
                        problems.Add($"{file}: '{title}' must hide the inference and say its verdicts are not for daily checking");
                    }

                    continue;
                }

                var words = panel["fieldConfig"]!["overrides"]!.AsArray()
                    .Where(o => (string?)o!["matcher"]!["options"] == "Kind of result")
                    .SelectMany(o => o!["properties"]!.AsArray()).Where(p => (string?)p!["id"] == "mappings")
                    .SelectMany(p => p!["value"]!.AsArray()).Select(m => m!["options"]!.AsObject())
                    .SelectMany(o => o.Select(kv => (kv.Key, Text: (string?)kv.Value!["text"]))).ToDictionary(x => x.Key, x => x.Text);
                if ((string?)organize["renameByName"]?["inference"] != "Kind of result" || words.GetValueOrDefault("sequential") != "Safe to check every day"
                    || words.GetValueOrDefault("final") != "Final result" || !words.ContainsKey("fixed"))
                {
                    problems.Add($"{file}: '{title}' does not show the kind of result in words");
                }
            }
        }

        Assert.True(tables >= 6, $"{tables} verdict tables");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The role a panel's verdict query is filtered to, or null for a panel without one.</summary>
    private static string? VerdictRole(JsonObject panel) =>
        (panel["targets"]?.AsArray() ?? []).Select(t => t!["expr"]?.GetValue<string>() ?? "")
            .Where(e => e.Contains("evalfw_snapshot_comparison_verdict", StringComparison.Ordinal))
            .Select(e => RoleMatcher().Match(e)).Where(m => m.Success).Select(m => m.Groups[1].Value).FirstOrDefault();

    internal static string ProvisionedDatasourceUid()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Dashboards.Folder, "provisioning", "datasources", "prometheus.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var datasource = (YamlMappingNode)((YamlSequenceNode)root["datasources"])[0];
        return ((YamlScalarNode)datasource["uid"]).Value!;
    }

    [GeneratedRegex("role=\"(primary|guardrail|secondary)\"")]
    private static partial Regex RoleMatcher();

    [GeneratedRegex("metric=~?\"([^\"]*)\"")]
    private static partial Regex MetricMatcher();

    [GeneratedRegex("[{,]([a-zA-Z_][a-zA-Z0-9_]*)=\"")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"(?<wrap>max without \(instance\) \()?\b(?<name>evalfw_snapshot_[a-z_]+)\{")]
    private static partial Regex SnapshotGaugeUse();

    [GeneratedRegex(@"\b(?<fn>rate|irate)\((?<inner>[^\[]*)\[(?<range>[^\]]+)\]")]
    private static partial Regex RateRange();

    [GeneratedRegex(@"(?:(?<fn>\b(?:rate|irate|increase)\(\s*))?\b(?<name>(?:evalfw|gen_ai)_[a-zA-Z0-9_]*_(?:total|bucket|sum|count))\b")]
    private static partial Regex CounterUse();
}
