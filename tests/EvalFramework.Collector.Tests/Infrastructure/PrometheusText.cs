using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>Reads samples out of Prometheus text format, for assertions.</summary>
public static partial class PrometheusText
{
    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include all of <paramref name="labels"/> (0 when none).</summary>
    public static double Sum(string text, string name, params (string Name, string Value)[] labels)
    {
        var total = 0.0;
        foreach (var line in text.Split('\n'))
        {
            var match = Sample().Match(line);
            if (!match.Success || match.Groups["name"].Value != name)
            {
                continue;
            }

            var found = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            if (labels.All(l => found.TryGetValue(l.Name, out var v) && v == l.Value))
            {
                total += double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    /// <summary>Every sample of the text: its name and labels (one entry per series).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels)> Series(string text) =>
    [
        .. text.Split('\n').Select(line => Sample().Match(line)).Where(m => m.Success).Select(m => (m.Groups["name"].Value,
            (IReadOnlyDictionary<string, string>)Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value))),
    ];

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex Sample();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)""")]
    private static partial Regex Label();
}
