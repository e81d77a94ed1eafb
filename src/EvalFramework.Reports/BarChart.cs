namespace EvalFramework.Reports;

/// <summary>Vertical grouped bars as inline SVG: one group per category (a week), one bar per series (an arm).</summary>
internal static class BarChart
{
    private const double Width = 960;
    private const double Height = 300;
    private const double Left = 56;
    private const double Right = 16;
    private const double Top = 36;
    private const double Bottom = 40;

    public static void Write(HtmlBuilder h, string id, string title, string description, IReadOnlyList<string> categories,
        IReadOnlyList<ChartSeries> series, Func<double, string> formatValue)
    {
        var max = NiceMax(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var group = plotWidth / Math.Max(1, categories.Count);
        var bar = group * 0.8 / Math.Max(1, series.Count);
        var labelEvery = (int)Math.Ceiling(categories.Count / 16.0);
        double Y(double v) => Top + plotHeight - (v / max * plotHeight);

        h.Open("svg", ("class", "chart bars"), ("role", "img"), ("viewBox", $"0 0 {HtmlBuilder.Svg(Width)} {HtmlBuilder.Svg(Height)}"),
            ("aria-labelledby", id + "-title " + id + "-desc"), ("id", id));
        h.Element("title", title, ("id", id + "-title")).Element("desc", description, ("id", id + "-desc"));
        Legend.Write(h, series.Select(s => (s.Name, s.Colour)).ToList(), Left, 14);
        foreach (var tick in new[] { 0, max / 2, max })
        {
            var y = HtmlBuilder.Svg(Y(tick));
            h.Empty("line", ("x1", HtmlBuilder.Svg(Left)), ("x2", HtmlBuilder.Svg(Width - Right)), ("y1", y), ("y2", y),
                ("stroke", tick == 0 ? "#1f2328" : "#d0d7de"));
            h.Element("text", formatValue(tick), ("x", HtmlBuilder.Svg(Left - 6)), ("y", y), ("dy", "0.35em"), ("text-anchor", "end"), ("class", "tick"));
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = Left + (c * group) + (group * 0.1);
            h.Open("g", ("class", "bar-group"));
            for (var s = 0; s < series.Count; s++)
            {
                var value = c < series[s].Values.Count ? series[s].Values[c] : 0;
                var x = x0 + (s * bar);
                h.Open("rect", ("x", HtmlBuilder.Svg(x)), ("y", HtmlBuilder.Svg(Y(value))), ("width", HtmlBuilder.Svg(Math.Max(1, bar - 1))),
                    ("height", HtmlBuilder.Svg(Top + plotHeight - Y(value))), ("fill", series[s].Colour));
                h.Element("title", series[s].Name + ", " + categories[c] + ": " + formatValue(value)).Close("rect");
                if (categories.Count * series.Count <= 24 && value > 0)
                {
                    h.Element("text", formatValue(value), ("x", HtmlBuilder.Svg(x + (bar / 2))), ("y", HtmlBuilder.Svg(Y(value) - 4)),
                        ("text-anchor", "middle"), ("class", "tick"));
                }
            }

            if (c % labelEvery == 0)
            {
                h.Element("text", categories[c], ("x", HtmlBuilder.Svg(x0 + (group * 0.4))), ("y", HtmlBuilder.Svg(Height - Bottom + 16)),
                    ("text-anchor", "middle"), ("class", "tick"));
            }

            h.Close("g");
        }

        h.Close("svg").Line();
    }

    private static readonly double[] NiceSteps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

    /// <summary>The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at least the largest value (1 when all are 0).</summary>
    public static double NiceMax(double largest)
    {
        if (largest <= 0 || !double.IsFinite(largest))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(largest)));
        return NiceSteps.Select(m => m * power).First(v => v >= largest * (1 - 1e-12));
    }
}
