namespace EvalFramework.Reports;

/// <summary>How one metric is named and how a difference in it is said, in one language.</summary>
/// <param name="Name">The label in tables (e.g. "Lead time, median").</param>
/// <param name="Lower">Sentence for a lower value of the treatment arm: {0} the arm, {1} the size (e.g. "{0} was {1} faster").</param>
/// <param name="Higher">Sentence for a higher value.</param>
/// <param name="LowerWord">The short word for a lower value, for intervals that span both sides ("faster").</param>
/// <param name="HigherWord">The short word for a higher value ("slower").</param>
internal sealed record MetricWords(string Name, string Lower = "", string Higher = "", string LowerWord = "", string HigherWord = "");
