using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Privacy;

/// <summary>
/// An arm's staff well-being at its unit, the person: how many persons count, and the sum and sum of squares of their
/// means (each person's answers averaged per week, then over the weeks). All that the arm's published figure (mean of
/// the person means, n = persons, Student t interval on persons) is computed from, and all of the staff answers that
/// the data hash covers: never a person, a team or an answer.
/// </summary>
/// <param name="Persons">Number of persons.</param>
/// <param name="Sum">Sum of their means.</param>
/// <param name="SumOfSquares">Sum of the squares of their means.</param>
internal readonly record struct StaffPersonSums(long Persons, double Sum, double SumOfSquares)
{
    /// <summary>
    /// The sums of <paramref name="personMeans"/>, added in ascending order of value, so the result depends on the
    /// multiset of means alone (not on pseudonyms or the order the answers came in), to the last bit.
    /// </summary>
    public static StaffPersonSums Of(IEnumerable<double> personMeans)
    {
        double sum = 0, squares = 0;
        long persons = 0;
        foreach (var mean in personMeans.Order())
        {
            persons++;
            sum += mean;
            squares += mean * mean;
        }

        return new StaffPersonSums(persons, sum, squares);
    }

    /// <summary>The moments of the person means, from the sums alone.</summary>
    public Moments ToMoments() => Moments.FromSums(Persons, Sum, SumOfSquares);
}
