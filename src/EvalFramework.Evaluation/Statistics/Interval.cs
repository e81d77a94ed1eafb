namespace EvalFramework.Evaluation.Statistics;

/// <summary>A confidence interval.</summary>
/// <param name="Low">Lower limit.</param>
/// <param name="High">Upper limit.</param>
internal readonly record struct Interval(double Low, double High);
