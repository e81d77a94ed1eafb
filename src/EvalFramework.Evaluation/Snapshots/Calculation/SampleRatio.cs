using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// Whether the cases per arm match the configured allocation (a chi-square test; mismatch below p = 0.001). Under a
/// clustered design the units are what was allocated, so it counts units per arm: teams of unequal size would make the
/// cases per arm differ from the shares without anything being wrong.
/// </summary>
internal static class SampleRatio
{
    private const double MismatchBelow = 0.001;

    /// <param name="pilot">The pilot's config.</param>
    /// <param name="groups">The groups by case type and arm.</param>
    /// <param name="warnings">The snapshot's warnings.</param>
    /// <param name="unitsPerArm">Under a clustered design, the units per arm (<see cref="DesignSection.UnitsPerArm"/>); null: count cases.</param>
    public static SampleRatioCheck? Check(PilotConfig? pilot, IEnumerable<GroupAccumulator> groups, DataQualityWarnings warnings,
        List<KeyValuePair<string, long>>? unitsPerArm = null)
    {
        if (pilot is null)
        {
            warnings.NoAllocation();
            return null;
        }

        var observed = unitsPerArm ?? pilot.Arms.Select(a => new KeyValuePair<string, long>(a.Name,
            groups.Where(g => g.Arm == a.Name).Sum(g => g.Started))).ToList();
        var unit = unitsPerArm is null ? null : pilot.Design.Unit;
        var shares = pilot.Arms.Select(a => new KeyValuePair<string, double>(a.Name, a.Share)).ToList();
        if (SampleRatioTest.Test([.. observed.Select(o => o.Value)], [.. shares.Select(s => s.Value)]) is not { } test)
        {
            return null;
        }

        var mismatch = test.PValue < MismatchBelow;
        if (mismatch)
        {
            warnings.SampleRatioMismatch(observed, test.ChiSquare, test.PValue, unit is null ? "cases" : unit + "s");
        }

        return new SampleRatioCheck(observed, shares, test.ChiSquare, test.DegreesOfFreedom, test.PValue, mismatch) { Unit = unit };
    }
}
