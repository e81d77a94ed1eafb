namespace EvalFramework.Evaluation.Tests;

/// <summary>Standard normal draws for the tests' simulated data.</summary>
internal static class NormalDraws
{
    /// <summary>One standard normal value (Box–Muller, two uniforms, cosine branch).</summary>
    public static double Normal(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
