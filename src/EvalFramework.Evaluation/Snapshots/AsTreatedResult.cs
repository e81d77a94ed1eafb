namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// A comparison by the arm each case was actually handled in (as treated), beside the one by assigned arm (a
/// comparison's <c>asTreated</c>): the same metric and test at the snapshot's confidence level, unadjusted and without
/// a verdict. It is descriptive: the cases that did not comply chose their arm, so it is not randomised.
/// </summary>
/// <param name="Difference">Treatment − baseline, or null.</param>
/// <param name="CiLow">The difference's interval, lower end.</param>
/// <param name="CiHigh">The difference's interval, upper end.</param>
public sealed record AsTreatedResult(double? Difference, double? CiLow, double? CiHigh);
