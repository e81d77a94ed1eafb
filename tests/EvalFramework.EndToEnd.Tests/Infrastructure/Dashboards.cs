using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>The Grafana dashboards of dashboards/*.json: their panels, queries and the metric names the queries use.</summary>
public static partial class Dashboards
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "dashboards");

    public static IReadOnlyList<(string File, JsonObject Dashboard)> All() =>
        [.. Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), JsonNode.Parse(File.ReadAllText(f))!.AsObject()))];

    /// <summary>Every panel, including those nested in collapsed rows.</summary>
    public static IEnumerable<JsonObject> Panels(JsonObject dashboard)
    {
        foreach (var panel in dashboard["panels"]!.AsArray().Select(p => p!.AsObject()))
        {
            yield return panel;
            foreach (var nested in panel["panels"]?.AsArray() ?? [])
            {
                yield return nested!.AsObject();
            }
        }
    }

    public static IEnumerable<JsonObject> DataPanels(JsonObject dashboard) =>
        Panels(dashboard).Where(p => p["type"]?.GetValue<string>() != "row");

    /// <summary>Every PromQL expression of every panel target.</summary>
    public static IEnumerable<(JsonObject Panel, string Expr)> Queries(JsonObject dashboard) =>
        DataPanels(dashboard).SelectMany(p => (p["targets"]?.AsArray() ?? []).Select(t => (p, t!["expr"]?.GetValue<string>() ?? "")));

    /// <summary>The query as Grafana would send it with pilot <paramref name="pilot"/>, all case types and arms.</summary>
    public static string Substitute(string expr, string pilot) => expr
        .Replace("$__rate_interval", "1m", StringComparison.Ordinal)
        .Replace("$__range", "1h", StringComparison.Ordinal)
        .Replace("$__interval", "15s", StringComparison.Ordinal)
        .Replace("$pilot", pilot, StringComparison.Ordinal)
        .Replace("$case_type", ".*", StringComparison.Ordinal)
        .Replace("$arm", ".*", StringComparison.Ordinal);

    /// <summary>The collector metric names an expression uses.</summary>
    public static IEnumerable<string> MetricNames(string expr) =>
        MetricName().Matches(expr).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:evalfw|gen_ai)_[a-zA-Z0-9_]*\b")]
    private static partial Regex MetricName();
}
