namespace EvalFramework.Evaluation.Configuration;

/// <summary>A fixed monthly cost (an entry of <c>fixedCosts</c>): a licence, hosting or a maintenance contract.</summary>
/// <param name="Name">What it is (<c>name</c>, required).</param>
/// <param name="MonthlySek">SEK per calendar month (<c>monthlySek</c>, required, ≥ 0).</param>
/// <param name="Arm">The arm that bears it; spread over that arm's completed cases of the month (<c>arm</c>, required).</param>
public sealed record FixedCostConfig(string Name, double MonthlySek, string Arm);
