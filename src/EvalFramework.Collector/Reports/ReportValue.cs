namespace EvalFramework.Collector.Reports;

/// <summary>A metric as the snapshot stores it: value, interval (null where it has no meaning) and n.</summary>
internal sealed record ReportValue(double? Value, double? CiLow, double? CiHigh, long N);
