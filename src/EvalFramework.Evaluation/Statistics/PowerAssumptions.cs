using System.Globalization;
using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// What a power calculation assumes about one comparison (treatment arm against the baseline arm): the metric's
/// baseline value and spread, the change to detect, how many observations of it the pilot makes a week, how they
/// split between the two arms, the test's level, the power wanted and the design.
/// </summary>
public sealed record PowerAssumptions
{
    /// <summary>A mean or a share.</summary>
    public required PowerMetricKind Kind { get; init; }

    /// <summary>The baseline arm's mean or share.</summary>
    public required double Baseline { get; init; }

    /// <summary>The standard deviation of one observation (means only; assumed the same in both arms).</summary>
    public double StandardDeviation { get; init; }

    /// <summary>The true difference to detect, treatment minus baseline, in the metric's unit (not 0).</summary>
    public required double Change { get; init; }

    /// <summary>Observations of the metric a week over all arms (cases a week times the share of cases measured).</summary>
    public required double ObservationsPerWeek { get; init; }

    /// <summary>The baseline arm's share of the observations (default 0.5).</summary>
    public double BaselineShare { get; init; } = 0.5;

    /// <summary>The treatment arm's share of the observations (default 0.5; with more arms the two shares add up to less than 1).</summary>
    public double TreatmentShare { get; init; } = 0.5;

    /// <summary>The two-sided test's level α (default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The power wanted (default 0.8).</summary>
    public double TargetPower { get; init; } = Power.Target;

    /// <summary>The assignment design (default case-level).</summary>
    public PowerDesign Design { get; init; } = PowerDesign.CaseLevel;

    /// <summary>The treatment arm's true mean or share.</summary>
    public double Treatment => Baseline + Change;

    /// <summary>Checks the assumptions.</summary>
    /// <returns>Every problem, each naming its assumption; empty when they can be planned with.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string name, string message)
        {
            if (!ok)
            {
                errors.Add(name + ": " + message);
            }
        }

        Check(double.IsFinite(Baseline), "baseline", "must be a number");
        if (Kind == PowerMetricKind.Share)
        {
            Check(Baseline is > 0 and < 1, "baseline", "a share must lie strictly between 0 and 1");
            Check(Treatment is > 0 and < 1, "change", string.Create(CultureInfo.InvariantCulture,
                $"makes the treatment share {Treatment:G4}: it must lie strictly between 0 and 1"));
        }
        else
        {
            Check(StandardDeviation > 0 && double.IsFinite(StandardDeviation), "sd", "the standard deviation of a mean metric must be above 0");
        }

        Check(Change != 0 && double.IsFinite(Change), "change", "must be a difference other than 0");
        Check(ObservationsPerWeek > 0 && double.IsFinite(ObservationsPerWeek), "cases-per-week", "must be above 0");
        Check(BaselineShare > 0 && TreatmentShare > 0 && BaselineShare + TreatmentShare <= 1 + 1e-9, "arms",
            "the baseline and treatment arms' shares must be above 0 and add up to at most 1");
        Check(Alpha is > 0 and < 1, "alpha", "must lie strictly between 0 and 1");
        Check(TargetPower is > 0 and < 1, "power", "must lie strictly between 0 and 1");
        CheckDesign(Check);
        return errors;
    }

    private void CheckDesign(Action<bool, string, string> check)
    {
        var design = Design;
        check(AssignmentUnits.All.Contains(design.Unit), "design", "the unit must be one of " + string.Join(", ", AssignmentUnits.All));
        if (!design.IsClustered)
        {
            return;
        }

        check(design.Icc is >= 0 and < 1, "icc", "must be at least 0 and below 1");
        check(design.SizeCv is >= 0 and <= 3, "size-cv", "must be between 0 and 3");
        if (design.Unit == AssignmentUnits.Period)
        {
            check(design.PeriodDays is >= 1 and <= 366, "period-days", "must be from 1 to 366");
        }
        else
        {
            check(design.Units >= 4, design.Unit == AssignmentUnits.Team ? "teams" : "handlers",
                "a clustered design needs at least 4 units (2 per arm) to estimate its variance");
        }
    }
}
