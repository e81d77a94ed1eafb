namespace EvalFramework.Reports;

/// <summary>A chart legend in SVG: a coloured square and the name for each entry, in one row.</summary>
internal static class Legend
{
    public static void Write(HtmlBuilder h, IReadOnlyList<(string Name, string Colour)> entries, double x, double y)
    {
        h.Open("g", ("class", "legend"));
        foreach (var (name, colour) in entries)
        {
            h.Empty("rect", ("x", HtmlBuilder.Svg(x)), ("y", HtmlBuilder.Svg(y - 10)), ("width", "12"), ("height", "12"), ("fill", colour));
            h.Element("text", name, ("x", HtmlBuilder.Svg(x + 18)), ("y", HtmlBuilder.Svg(y)));

            // About 7 px per character at 12 px, plus the square and a gap.
            x += 18 + (name.Length * 7) + 24;
        }

        h.Close("g");
    }
}
