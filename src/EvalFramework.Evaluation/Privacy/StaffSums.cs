using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Privacy;

/// <summary>
/// The exact integer aggregates of an arm's counted staff-survey answers: all that its published well-being figure
/// (mean, n and interval) is computed from, and all of the answers that the data hash covers.
/// </summary>
/// <param name="Count">Number of answers.</param>
/// <param name="Sum">Sum of their well-being.</param>
/// <param name="SumOfSquares">Sum of the squares of their well-being.</param>
internal readonly record struct StaffSums(long Count, long Sum, long SumOfSquares)
{
    /// <summary>These sums with one more answer.</summary>
    public StaffSums Add(int wellbeing) =>
        checked(new StaffSums(Count + 1, Sum + wellbeing, SumOfSquares + ((long)wellbeing * wellbeing)));

    /// <summary>The moments of the answers, from the sums alone (so in whatever order or grouping the answers came).</summary>
    public Moments ToMoments() => Moments.FromIntegerSums(Count, Sum, SumOfSquares);
}
