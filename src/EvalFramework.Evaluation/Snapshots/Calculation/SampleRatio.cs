using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>Whether the cases per arm match the configured allocation (a chi-square test; mismatch below p = 0.001).</summary>
internal static class SampleRatio
{
    private const double MismatchBelow = 0.001;

    public static SampleRatioCheck? Check(PilotConfig? pilot, IEnumerable<GroupAccumulator> groups, DataQualityWarnings warnings)
    {
        if (pilot is null)
        {
            warnings.NoAllocation();
            return null;
        }

        var observed = pilot.Arms.Select(a => new KeyValuePair<string, long>(a.Name,
            groups.Where(g => g.Arm == a.Name).Sum(g => g.Started))).ToList();
        var shares = pilot.Arms.Select(a => new KeyValuePair<string, double>(a.Name, a.Share)).ToList();
        if (SampleRatioTest.Test([.. observed.Select(o => o.Value)], [.. shares.Select(s => s.Value)]) is not { } test)
        {
            return null;
        }

        var mismatch = test.PValue < MismatchBelow;
        if (mismatch)
        {
            warnings.SampleRatioMismatch(observed, test.ChiSquare, test.PValue);
        }

        return new SampleRatioCheck(observed, shares, test.ChiSquare, test.DegreesOfFreedom, test.PValue, mismatch);
    }
}
