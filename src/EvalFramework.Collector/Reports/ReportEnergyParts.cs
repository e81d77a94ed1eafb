namespace EvalFramework.Collector.Reports;

/// <summary>Mean energy (Wh) or emissions (g CO2e) per case, split into staff workstation and AI inference.</summary>
internal sealed record ReportEnergyParts(double Workstation, double Ai);
