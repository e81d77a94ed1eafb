using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>The draws the simulator makes, all from a <see cref="SeededRandom"/> so a seed always gives the same pilot.</summary>
internal static class RandomDraws
{
    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this SeededRandom random, double p) => random.NextDouble() < p;

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double Uniform(this SeededRandom random, double low, double high) => low + ((high - low) * random.NextDouble());

    /// <summary>Log-normal: <c>median · exp(σ·Z)</c>.</summary>
    public static double LogNormal(this SeededRandom random, double median, double sigma) => median * Math.Exp(sigma * random.Normal());

    /// <summary>Exponential waiting time with the given rate.</summary>
    public static double Exponential(this SeededRandom random, double rate) => -Math.Log(1 - random.NextDouble()) / rate;

    /// <summary>Poisson with mean <paramref name="mean"/> (Knuth's product of uniforms; the means here are small).</summary>
    public static int Poisson(this SeededRandom random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    /// <summary>Binomial: successes in <paramref name="trials"/> chances of <paramref name="p"/> (the counts here are small).</summary>
    public static int Binomial(this SeededRandom random, int trials, double p)
    {
        var count = 0;
        for (var i = 0; i < trials; i++)
        {
            count += random.Chance(p) ? 1 : 0;
        }

        return count;
    }

    /// <summary>One of <paramref name="options"/> by weight.</summary>
    public static string Choose(this SeededRandom random, IReadOnlyList<WeightedChoice> options)
    {
        var total = 0.0;
        foreach (var option in options)
        {
            total += option.Weight;
        }

        var u = random.NextDouble() * total;
        foreach (var option in options)
        {
            u -= option.Weight;
            if (u < 0)
            {
                return option.Value;
            }
        }

        return options[^1].Value;
    }

    /// <summary>One of <paramref name="options"/>, each as likely.</summary>
    public static string Choose(this SeededRandom random, IReadOnlyList<string> options) =>
        options[Math.Min(options.Count - 1, (int)(random.NextDouble() * options.Count))];
}
