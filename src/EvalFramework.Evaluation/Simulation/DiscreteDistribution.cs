using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// A distribution over consecutive integers (survey answers 1–5 or 0–10) from weights, and its exponential tilt: the
/// weights times <c>exp(θ·value)</c>, with θ found by bisection so that a statistic (the mean, the NPS) reaches a
/// target. Tilting moves the whole distribution smoothly and keeps every answer possible.
/// </summary>
internal sealed class DiscreteDistribution
{
    private const double MaxTheta = 20;
    private const double Tolerance = 1e-9;
    private readonly double[] _cumulative;

    public DiscreteDistribution(int firstValue, IReadOnlyList<double> weights)
    {
        FirstValue = firstValue;
        var total = weights.Sum();
        Probabilities = [.. weights.Select(w => w / total)];
        _cumulative = new double[Probabilities.Length];
        var running = 0.0;
        for (var i = 0; i < Probabilities.Length; i++)
        {
            running += Probabilities[i];
            _cumulative[i] = running;
        }
    }

    /// <summary>The value of the first weight.</summary>
    public int FirstValue { get; }

    /// <summary>The probability of each value, from <see cref="FirstValue"/> on.</summary>
    public double[] Probabilities { get; }

    /// <summary>The mean value.</summary>
    public double Mean => Probabilities.Select((p, i) => p * (FirstValue + i)).Sum();

    /// <summary>Net promoter score of 0–10 answers: % of 9–10 minus % of 0–6.</summary>
    public double Nps => 100 * (Probabilities.Where((_, i) => FirstValue + i >= 9).Sum() - Probabilities.Where((_, i) => FirstValue + i <= 6).Sum());

    /// <summary>One draw.</summary>
    public int Sample(SeededRandom random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (u < _cumulative[i])
            {
                return FirstValue + i;
            }
        }

        return FirstValue + _cumulative.Length - 1;
    }

    /// <summary>
    /// The tilt whose <paramref name="statistic"/> (increasing in θ, as the mean and the NPS are) equals
    /// <paramref name="target"/>; null when the target cannot be reached.
    /// </summary>
    public DiscreteDistribution? TiltedTo(Func<DiscreteDistribution, double> statistic, double target)
    {
        double low = -MaxTheta, high = MaxTheta;
        var best = this;
        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = (low + high) / 2;
            best = Tilted(mid);
            if (statistic(best) < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return Math.Abs(statistic(best) - target) < Tolerance ? best : null;
    }

    private DiscreteDistribution Tilted(double theta) =>
        new(FirstValue, [.. Probabilities.Select((p, i) => p * Math.Exp(theta * i))]);
}
