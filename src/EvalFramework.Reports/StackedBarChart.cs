namespace EvalFramework.Reports;

/// <summary>Horizontal stacked bars as inline SVG: one bar per row (case type and arm), one segment per part.</summary>
internal static class StackedBarChart
{
    private const double Width = 960;
    private const double LabelWidth = 372;
    private const double BarLeft = 384;
    private const double BarRight = 860;
    private const double RowHeight = 26;
    private const double Top = 52;
    private const double Bottom = 12;

    /// <param name="h">Where to write.</param>
    /// <param name="id">The chart's id.</param>
    /// <param name="title">Its title.</param>
    /// <param name="description">What it shows.</param>
    /// <param name="parts">The parts: name and colour.</param>
    /// <param name="rows">Per bar: its label and the value of each part (in the order of <paramref name="parts"/>).</param>
    /// <param name="formatValue">How a value is written.</param>
    public static void Write(HtmlBuilder h, string id, string title, string description, IReadOnlyList<(string Name, string Colour)> parts,
        IReadOnlyList<(string Label, IReadOnlyList<double> Values)> rows, Func<double, string> formatValue)
    {
        var max = BarChart.NiceMax(rows.Select(r => r.Values.Where(v => v > 0).Sum()).DefaultIfEmpty(0).Max());
        var height = Top + (rows.Count * RowHeight) + Bottom;
        double W(double v) => Math.Max(0, v) / max * (BarRight - BarLeft);

        h.Open("svg", ("class", "chart stacked"), ("role", "img"), ("viewBox", $"0 0 {HtmlBuilder.Svg(Width)} {HtmlBuilder.Svg(height)}"),
            ("aria-labelledby", id + "-title " + id + "-desc"), ("id", id));
        h.Element("title", title, ("id", id + "-title")).Element("desc", description, ("id", id + "-desc"));
        Legend.Write(h, parts, BarLeft, 14);
        foreach (var tick in new[] { 0, max / 2, max })
        {
            var x = HtmlBuilder.Svg(BarLeft + W(tick));
            h.Empty("line", ("x1", x), ("x2", x), ("y1", HtmlBuilder.Svg(Top - 8)), ("y2", HtmlBuilder.Svg(height - Bottom)), ("stroke", "#d0d7de"));
            h.Element("text", formatValue(tick), ("x", x), ("y", HtmlBuilder.Svg(Top - 14)), ("text-anchor", "middle"), ("class", "tick"));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, values) = rows[i];
            var y = Top + (i * RowHeight);
            h.Open("g", ("class", "stacked-row"));
            h.Element("text", label, ("x", HtmlBuilder.Svg(LabelWidth)), ("y", HtmlBuilder.Svg(y + (RowHeight / 2))), ("dy", "0.35em"), ("text-anchor", "end"));
            var x = BarLeft;
            for (var p = 0; p < parts.Count && p < values.Count; p++)
            {
                var width = W(values[p]);
                if (width <= 0)
                {
                    continue;
                }

                h.Open("rect", ("x", HtmlBuilder.Svg(x)), ("y", HtmlBuilder.Svg(y + 4)), ("width", HtmlBuilder.Svg(width)),
                    ("height", HtmlBuilder.Svg(RowHeight - 8)), ("fill", parts[p].Colour));
                h.Element("title", label + ", " + parts[p].Name + ": " + formatValue(values[p])).Close("rect");
                x += width;
            }

            h.Element("text", formatValue(values.Sum()), ("x", HtmlBuilder.Svg(x + 6)), ("y", HtmlBuilder.Svg(y + (RowHeight / 2))), ("dy", "0.35em"),
                ("class", "tick"));
            h.Close("g");
        }

        h.Close("svg").Line();
    }
}
