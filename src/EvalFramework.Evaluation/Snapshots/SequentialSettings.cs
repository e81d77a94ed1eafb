using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The always-valid analysis of a pilot with a planned end (a snapshot's <c>sequential</c> section), fixed before the
/// pilot starts: the error rate is split between the daily looks before the end (<see cref="Alpha"/>, a fifth of the
/// plan's) and the one fixed-horizon analysis at the end (<see cref="FinalAlpha"/>, the rest), so the whole pilot's
/// chance of a false verdict stays within the plan's alpha however often the snapshots are read.
/// </summary>
/// <param name="PlannedEnd">The pilot's planned end (<c>design.plannedEnd</c>).</param>
/// <param name="Alpha">The error rate of the sequential looks: the plan's alpha / 5.</param>
/// <param name="FinalAlpha">The error rate of the final analysis: the plan's alpha − <see cref="Alpha"/>.</param>
/// <param name="PlannedCases">The planned cases per case type, both arms (<c>design.plannedCases</c> or its default).</param>
/// <param name="TuningCases">t★, where the sequences are tightest: half of <see cref="PlannedCases"/>.</param>
/// <param name="Rho2">ρ² of the two-sided sequences (<see cref="ConfidenceSequence.Rho2"/> at <see cref="Alpha"/> and t★).</param>
/// <param name="Rho2OneSided">ρ² of the guardrails' one-sided bounds.</param>
public sealed record SequentialSettings(DateTimeOffset PlannedEnd, double Alpha, double FinalAlpha, long PlannedCases, double TuningCases,
    double Rho2, double Rho2OneSided)
{
    /// <summary>The plan's alpha is divided by this for the looks before the end (a fifth: 0.01 of 0.05).</summary>
    public const double SequentialDivisor = 5;

    /// <summary>Events and non-events each arm needs before a share gets a sequential verdict (the Wald variance is degenerate before).</summary>
    public const int MinimumEvents = 5;

    /// <summary>The settings of a pilot with a planned end; null without one (every snapshot is then final).</summary>
    /// <param name="design">The pilot's design.</param>
    /// <param name="planAlpha">The analysis plan's alpha.</param>
    public static SequentialSettings? Of(DesignConfig? design, double planAlpha)
    {
        if (design?.PlannedEnd is not { } end)
        {
            return null;
        }

        var alpha = planAlpha / SequentialDivisor;
        var planned = design.PlannedCases ?? DesignConfig.DefaultPlannedCases;
        var tuning = planned / 2.0;
        return new SequentialSettings(end, alpha, planAlpha - alpha, planned, tuning, ConfidenceSequence.Rho2(tuning, alpha, twoSided: true),
            ConfidenceSequence.Rho2(tuning, alpha, twoSided: false));
    }

    /// <summary>The inference of a snapshot whose period ends at <paramref name="to"/> (exclusive): sequential before the planned end.</summary>
    public string InferenceAt(DateTimeOffset to) => to < PlannedEnd ? Inference.Sequential : Inference.Fixed;
}
