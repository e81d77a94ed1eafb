namespace EvalFramework.Evaluation.Tests.Forecasts;

/// <summary>
/// Test vectors A–D of the issue-20 research memo; their outputs were checked with R <c>forecast::dm.test</c> 8.20 and
/// <c>accuracy()</c>, numpy/scipy, and a C# prototype (agreement ≥ 14 significant digits).
/// </summary>
internal static class ForecastVectors
{
    public static readonly double[] AHistory = [14, 17, 15, 19, 16, 18, 21, 17, 16, 20, 19, 18];
    public static readonly double[] AActual = [20, 17, 22, 19, 23, 21, 18, 24, 22, 20, 25, 23, 19, 24, 26, 22, 21, 25, 27, 23];
    public static readonly double[] AAi = [19, 19, 20, 20, 21, 22, 20, 22, 23, 21, 23, 24, 21, 23, 24, 24, 22, 24, 25, 25];
    public static readonly double[] APlanner = [21, 20, 20, 22, 21, 23, 21, 21, 24, 23, 22, 25, 23, 22, 25, 25, 24, 23, 26, 26];

    public static readonly double[] BActual = [29, 35, 37, 35, 35, 31, 29, 27, 25, 29, 26, 27, 27, 27, 29, 31, 35, 34, 32, 30, 25, 30, 23, 26];
    public static readonly double[] BAi = [34, 27, 30, 33, 34, 29, 30, 29, 28, 21, 27, 30, 29, 29, 31, 28, 35, 37, 34, 25, 28, 27, 25, 28];
    public static readonly double[] BPlanner = [26, 30, 34, 35, 34, 36, 34, 30, 33, 28, 25, 29, 32, 32, 33, 33, 29, 35, 34, 28, 30, 29, 31, 28];

    public static readonly double[] CHistory = [52, 48, 55, 60, 63, 58, 45, 42, 57, 61, 59, 50, 54, 50, 58, 62, 66, 60, 47, 44, 59, 64, 61, 53, 57, 52, 60, 65, 68, 63];
    public static readonly double[] CActual = [49, 46, 61, 66, 64, 55, 59, 54, 63, 67, 71, 64];
    public static readonly double[] CAi = [50, 47, 60, 64, 63, 56, 58, 55, 62, 66, 69, 66];
    public static readonly double[] CBaseline = [47, 44, 59, 64, 61, 53, 57, 52, 60, 65, 68, 63];

    public static readonly double[] DErrors1 = [3, -1, 4, -2, 3, -1, 4, -2, 3, -1, 4, -2, 3, -1, 4, -2];
    public static readonly double[] DErrors2 = [1, -3, 1, -4, 1, -3, 1, -4, 1, -3, 1, -4, 2, -3, 1, -4];

    /// <summary>e = actual − forecast.</summary>
    public static double[] Errors(double[] actual, double[] forecast) => [.. actual.Select((y, t) => y - forecast[t])];

    public static double[] Plus(double[] values, double delta) => [.. values.Select(v => v + delta)];

    public static double?[] Nullable(double[] values) => [.. values.Select(v => (double?)v)];

    /// <summary>Equal within 1e-9 relative (absolute for values near zero).</summary>
    public static void Near(double expected, double? actual, double relative = 1e-9)
    {
        Assert.NotNull(actual);
        var tolerance = relative * Math.Max(1e-12, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual.Value) <= tolerance, $"expected {expected:R}, got {actual.Value:R}");
    }
}
