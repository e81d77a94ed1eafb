using System.Collections.Concurrent;
using System.Text;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// OpenTelemetry names to Prometheus names (OpenTelemetry "Prometheus and OpenMetrics compatibility"): invalid
/// characters to <c>_</c>, the unit as a suffix (<c>s</c> → <c>_seconds</c>, <c>By</c> → <c>_bytes</c>, <c>{...}</c>
/// annotations dropped, <c>1</c> → <c>_ratio</c>, <c>a/b</c> → <c>_a_per_b</c>), <c>_total</c> on counters.
/// </summary>
internal static class PrometheusNames
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds", ["ms"] = "milliseconds",
        ["us"] = "microseconds", ["ns"] = "nanoseconds", ["By"] = "bytes", ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes", ["KBy"] = "kilobytes", ["MBy"] = "megabytes",
        ["GBy"] = "gigabytes", ["m"] = "meters", ["V"] = "volts", ["A"] = "amperes", ["J"] = "joules",
        ["W"] = "watts", ["g"] = "grams", ["Cel"] = "celsius", ["Hz"] = "hertz", ["1"] = "ratio", ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> PerUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["min"] = "minute", ["h"] = "hour", ["d"] = "day", ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    };

    private static readonly ConcurrentDictionary<string, string> LabelNames = new(StringComparer.Ordinal);

    /// <summary>The metric family name: sanitised name, unit suffix, and <c>_total</c> when <paramref name="counter"/>.</summary>
    public static string MetricName(string name, string? unit, bool counter)
    {
        var result = Sanitize(name, allowColon: true);
        if (counter && result.EndsWith("_total", StringComparison.Ordinal))
        {
            result = result[..^"_total".Length];
        }

        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !result.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            result += "_" + suffix;
        }

        return counter ? result + "_total" : result;
    }

    /// <summary>A label name: dots and other invalid characters to <c>_</c> (cached; label names are few).</summary>
    public static string LabelName(string key) => LabelNames.GetOrAdd(key, static k => Sanitize(k, allowColon: false));

    /// <summary>The unit as a name suffix, or empty.</summary>
    public static string UnitSuffix(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return "";
        }

        // {packet}, {case}: annotations say what is counted and are no unit; "s{wall}" keeps "s".
        var builder = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        var bare = builder.ToString().Trim();
        if (bare.Length == 0)
        {
            return "";
        }

        var slash = bare.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && slash < bare.Length - 1)
        {
            var per = bare[(slash + 1)..];
            return Sanitize(Map(Units, bare[..slash]) + "_per_" + Map(PerUnits, per), allowColon: false);
        }

        return Sanitize(Map(Units, bare), allowColon: false);
    }

    private static string Map(Dictionary<string, string> map, string unit) => map.TryGetValue(unit, out var name) ? name : unit;

    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(next);
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
