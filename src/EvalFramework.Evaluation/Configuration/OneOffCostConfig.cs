namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// A one-off cost (an entry of <c>oneOffCosts</c>): a set-up, an integration, a purchase. It is amortised: spread
/// evenly over the time from <see cref="Date"/> to the same day <see cref="AmortisationMonths"/> months later, and a
/// snapshot bears the part of that window inside its period.
/// </summary>
/// <param name="Name">What it is (<c>name</c>, required).</param>
/// <param name="AmountSek">SEK (<c>amountSek</c>, required, ≥ 0).</param>
/// <param name="Date">When the cost starts to be amortised, UTC midnight (<c>date</c>, required, <c>yyyy-MM-dd</c>).</param>
/// <param name="Arm">The arm that bears it (<c>arm</c>, required).</param>
/// <param name="AmortisationMonths">
/// Months it is spread over (<c>amortisationMonths</c>, optional, 1–120, default
/// <see cref="ConfigDefaults.AmortisationMonths"/>).
/// </param>
public sealed record OneOffCostConfig(string Name, double AmountSek, DateOnly Date, string Arm, int AmortisationMonths);
