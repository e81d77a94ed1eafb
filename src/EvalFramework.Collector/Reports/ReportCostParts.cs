namespace EvalFramework.Collector.Reports;

/// <summary>Mean cost per case by part, SEK (the snapshot's <c>breakdowns</c>).</summary>
internal sealed record ReportCostParts(double Staff, double Ai, double Fixed, double Maintenance);
