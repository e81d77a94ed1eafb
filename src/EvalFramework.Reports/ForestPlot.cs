namespace EvalFramework.Reports;

/// <summary>
/// The forest plot of every comparison as inline SVG: one <c>g.forest-row</c> per comparison with its estimate (dot)
/// and interval (line) on a common relative scale, better to the right. Ends beyond the scale get an arrow.
/// </summary>
internal static class ForestPlot
{
    private const double Width = 1000;
    private const double LabelWidth = 430;
    private const double PlotLeft = 442;
    private const double PlotRight = 800;
    private const double VerdictLeft = 814;
    private const double RowHeight = 22;
    private const double Top = 62;
    private const double Bottom = 16;
    private static readonly double[] NiceLimits = [0.1, 0.2, 0.5, 1, 2];

    /// <summary>Writes the plot; <paramref name="id"/> prefixes the ids of its title and description (several plots on a page).</summary>
    public static void Write(HtmlBuilder h, string id, IReadOnlyList<ForestRow> rows, ReportFormat format, string title, string description,
        string axisLabel)
    {
        var text = format.Text;
        var limit = Limit(rows);
        var height = Top + (rows.Count * RowHeight) + Bottom;
        double X(double v) => PlotLeft + ((Math.Clamp(v, -limit, limit) + limit) / (2 * limit) * (PlotRight - PlotLeft));

        h.Open("svg", ("class", "chart forest"), ("role", "img"), ("viewBox", $"0 0 {HtmlBuilder.Svg(Width)} {HtmlBuilder.Svg(height)}"),
            ("aria-labelledby", id + "-title " + id + "-desc"));
        h.Element("title", title, ("id", id + "-title")).Element("desc", description, ("id", id + "-desc"));
        h.Element("text", axisLabel, ("x", HtmlBuilder.Svg((PlotLeft + PlotRight) / 2)), ("y", "14"), ("text-anchor", "middle"), ("class", "axis-title"));
        h.Element("text", "← " + text.Worse, ("x", HtmlBuilder.Svg(PlotLeft)), ("y", "32"), ("class", "axis-note"));
        h.Element("text", text.Better + " →", ("x", HtmlBuilder.Svg(PlotRight)), ("y", "32"), ("text-anchor", "end"), ("class", "axis-note"));
        foreach (var tick in new[] { -limit, -limit / 2, 0, limit / 2, limit })
        {
            var x = HtmlBuilder.Svg(X(tick));
            h.Empty("line", ("x1", x), ("x2", x), ("y1", HtmlBuilder.Svg(Top - 8)), ("y2", HtmlBuilder.Svg(height - Bottom)),
                ("stroke", tick == 0 ? "#1f2328" : "#d0d7de"), ("stroke-width", tick == 0 ? "1.5" : "1"));
            h.Element("text", (tick > 0 ? "+" : "") + format.Percent(tick), ("x", x), ("y", HtmlBuilder.Svg(Top - 14)), ("text-anchor", "middle"),
                ("class", "tick"));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + (i * RowHeight);
            var middle = HtmlBuilder.Svg(y + (RowHeight / 2));
            var colour = VerdictStyle.Colour(row.Verdict);
            h.Open("g", ("class", "forest-row"), ("data-case-type", row.CaseType), ("data-metric", row.Metric), ("data-verdict", row.Verdict),
                ("data-role", row.Role));
            h.Element("title", row.Sentence);
            if (i % 2 == 1)
            {
                h.Empty("rect", ("x", "0"), ("y", HtmlBuilder.Svg(y)), ("width", HtmlBuilder.Svg(Width)), ("height", HtmlBuilder.Svg(RowHeight)),
                    ("fill", "#f6f8fa"));
            }

            h.Element("text", row.Label, ("x", HtmlBuilder.Svg(LabelWidth)), ("y", middle), ("dy", "0.35em"), ("text-anchor", "end"));
            if (row.Estimate is { } estimate)
            {
                if (row.Low is { } low && row.High is { } high)
                {
                    h.Empty("line", ("x1", HtmlBuilder.Svg(X(low))), ("x2", HtmlBuilder.Svg(X(high))), ("y1", middle), ("y2", middle),
                        ("stroke", colour), ("stroke-width", "2"));
                    Arrow(h, low < -limit, X(-limit), y + (RowHeight / 2), -1, colour);
                    Arrow(h, high > limit, X(limit), y + (RowHeight / 2), 1, colour);
                }

                if (Math.Abs(estimate) > limit)
                {
                    // Beyond the scale: a larger arrow at the edge stands for the estimate.
                    Arrow(h, true, X(Math.Sign(estimate) * limit), y + (RowHeight / 2), Math.Sign(estimate), colour, size: 8);
                }
                else
                {
                    h.Empty("circle", ("cx", HtmlBuilder.Svg(X(estimate))), ("cy", middle), ("r", "5"), ("stroke", colour), ("stroke-width", "2"),
                        ("fill", VerdictStyle.Decisive(row.Verdict) ? colour : "#ffffff"));
                }
            }
            else
            {
                h.Element("text", text.NoRelativeScale, ("x", HtmlBuilder.Svg((PlotLeft + PlotRight) / 2)), ("y", middle), ("dy", "0.35em"),
                    ("text-anchor", "middle"), ("class", "axis-note"));
            }

            h.Element("text", row.VerdictLabel, ("x", HtmlBuilder.Svg(VerdictLeft)), ("y", middle), ("dy", "0.35em"), ("fill", colour));
            h.Close("g").Line();
        }

        h.Close("svg").Line();
    }

    /// <summary>
    /// The smallest nice bound (10 % to 200 %) that holds three quarters of the estimates and interval ends, so a few
    /// very wide intervals (small shares, few cases) do not squeeze the rest: what lies beyond is drawn as an arrow at
    /// the edge, and the table below the plot has every figure.
    /// </summary>
    private static double Limit(IReadOnlyList<ForestRow> rows)
    {
        var values = rows.SelectMany(r => new[] { r.Estimate, r.Low, r.High }).Where(v => v is not null).Select(v => Math.Abs(v!.Value))
            .Order().ToList();
        var largest = values.Count == 0 ? 0 : values[(int)Math.Ceiling(0.75 * values.Count) - 1];
        return NiceLimits.FirstOrDefault(l => largest <= l, NiceLimits[^1]);
    }

    private static void Arrow(HtmlBuilder h, bool show, double x, double y, int direction, string colour, double size = 4)
    {
        if (!show)
        {
            return;
        }

        // The tip on the edge of the scale, the arrow inside it: clear of the labels and the verdicts.
        var back = x - (direction * size * 1.5);
        h.Empty("polygon", ("points", $"{HtmlBuilder.Svg(x)},{HtmlBuilder.Svg(y)} {HtmlBuilder.Svg(back)},{HtmlBuilder.Svg(y - size)} {HtmlBuilder.Svg(back)},{HtmlBuilder.Svg(y + size)}"),
            ("fill", colour));
    }
}
