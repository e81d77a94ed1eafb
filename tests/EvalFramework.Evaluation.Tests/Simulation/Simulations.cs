using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Evaluation.Tests.Simulation;

/// <summary>Settings of the demo pilot for the simulator tests.</summary>
internal static class Simulations
{
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    public static SimulationSettings Demo(double days = 30, long seed = 1, SimulationEffects? effects = null, double volume = 1, DateTimeOffset? start = null) => new()
    {
        Pilot = SimulationPilot.Demo,
        Seed = seed,
        Start = start ?? Start,
        Days = days,
        Effects = effects,
        VolumeScale = volume,
    };

    public static List<SimulatedEvent> Events(SimulationSettings settings) => [.. new PilotSimulator(settings).Events()];

    /// <summary>Whether an observed share is within four binomial standard errors of the expected chance.</summary>
    public static void AssertShare(double expected, long hits, long n, string what)
    {
        Assert.True(n > 0, what + ": no cases");
        var observed = (double)hits / n;
        var tolerance = 4 * Math.Sqrt(expected * (1 - expected) / n);
        Assert.True(Math.Abs(observed - expected) <= tolerance,
            $"{what}: observed {observed:F4} ({hits}/{n}), expected {expected:F4} ± {tolerance:F4}");
    }

    /// <summary>Whether a sample mean is within four standard errors of the expected mean.</summary>
    public static void AssertMean(double expected, IReadOnlyCollection<double> values, string what)
    {
        Assert.True(values.Count > 1, what + ": no values");
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var tolerance = 4 * sd / Math.Sqrt(values.Count);
        Assert.True(Math.Abs(mean - expected) <= tolerance, $"{what}: observed {mean:F4} (n={values.Count}), expected {expected:F4} ± {tolerance:F4}");
    }
}
