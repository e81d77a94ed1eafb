namespace EvalFramework.Reports;

/// <summary>A named series of a chart with its colour (the legend shows the name beside the colour).</summary>
internal sealed record ChartSeries(string Name, string Colour, IReadOnlyList<double> Values);
