namespace EvalFramework.Cli.Commands;

/// <summary>
/// The baseline figures <c>evalctl plan</c> plans with, and where each came from (printed beside it: an assumption
/// given on the command line, a snapshot, or the simulator's illustrative profile).
/// </summary>
/// <param name="Baseline">The baseline arm's mean or share.</param>
/// <param name="StandardDeviation">The standard deviation of one observation (means); null for shares.</param>
/// <param name="ObservationsPerWeek">Observations of the metric a week over all arms.</param>
/// <param name="CasesPerWeek">Cases of the case type a week over all arms.</param>
/// <param name="Source">Where the figures come from, in words.</param>
internal sealed record PlanInputs(double Baseline, double? StandardDeviation, double ObservationsPerWeek, double CasesPerWeek, string Source)
{
    /// <summary>The metric's ICC a clustered snapshot estimated for the case type; null when none did.</summary>
    public double? Icc { get; init; }

    /// <summary>The design unit of the snapshot the figures come from, and its units over all arms; null without a clustered snapshot.</summary>
    public (string Unit, int Count)? Units { get; init; }
}
