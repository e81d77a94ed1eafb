namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// Count, mean and sum of squared deviations of a sample, updated one value at a time (Welford) and combined
/// exactly (Chan et al.), so large samples keep full precision without storing the values.
/// </summary>
internal struct Moments
{
    /// <summary>Number of values.</summary>
    public long Count;

    /// <summary>Mean of the values (0 when empty).</summary>
    public double Mean;

    /// <summary>Sum of squared deviations from the mean.</summary>
    public double M2;

    /// <summary>Moments of a sample given by its count, sum and sum of squares (for small integer-valued data).</summary>
    public static Moments FromSums(long count, double sum, double sumOfSquares)
    {
        if (count == 0)
        {
            return default;
        }

        var mean = sum / count;
        return new Moments { Count = count, Mean = mean, M2 = Math.Max(0, sumOfSquares - (count * mean * mean)) };
    }

    /// <summary>
    /// Moments of integer data given by its exact count, sum and sum of squares: the sum of squared deviations is
    /// (n·Σx² − (Σx)²) / n with the numerator exact, so the result depends on the three sums alone.
    /// </summary>
    public static Moments FromIntegerSums(long count, long sum, long sumOfSquares)
    {
        if (count == 0)
        {
            return default;
        }

        var numerator = ((Int128)count * sumOfSquares) - ((Int128)sum * sum);
        return new Moments { Count = count, Mean = (double)sum / count, M2 = (double)numerator / count };
    }

    /// <summary>Sample variance (n − 1 in the denominator); NaN below two values.</summary>
    public readonly double Variance => Count > 1 ? M2 / (Count - 1) : double.NaN;

    /// <summary>Adds one value.</summary>
    public void Add(double x)
    {
        Count++;
        var delta = x - Mean;
        Mean += delta / Count;
        M2 += delta * (x - Mean);
    }

    /// <summary>The moments of both samples together.</summary>
    public static Moments Combine(in Moments a, in Moments b)
    {
        if (a.Count == 0)
        {
            return b;
        }

        if (b.Count == 0)
        {
            return a;
        }

        var n = a.Count + b.Count;
        var delta = b.Mean - a.Mean;
        return new Moments
        {
            Count = n,
            Mean = a.Mean + (delta * b.Count / n),
            M2 = a.M2 + b.M2 + (delta * delta * a.Count * b.Count / n),
        };
    }

    /// <summary>The moments after adding <paramref name="shift"/> to every value.</summary>
    public readonly Moments Shifted(double shift) => Count == 0 ? this : this with { Mean = Mean + shift };

    /// <summary>The moments after multiplying every value by <paramref name="factor"/>.</summary>
    public readonly Moments Scaled(double factor) => this with { Mean = Mean * factor, M2 = M2 * factor * factor };
}
