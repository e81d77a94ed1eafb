using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Cli.Commands;

/// <summary>Prints <c>evalctl plan</c>'s answer: the assumptions, the weeks and cases needed, the power at the weeks available, and the simulation's check of both.</summary>
internal sealed class PlanPrinter(TextWriter output, PilotConfig pilot, string caseType, string metric, string arm, PlanInputs inputs, PowerAssumptions assumptions,
    double nonCompliance)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Prints the plan.</summary>
    /// <param name="available">The weeks available, if given.</param>
    /// <param name="simulations">Pilots to simulate for the check.</param>
    /// <param name="seed">The simulation's seed.</param>
    public void Print(int? available, int simulations, int seed)
    {
        var a = assumptions;
        var unit = MetricKeys.UnitOf(metric) switch { "review" => "reviews", "answer" => "answers", _ => "cases" };
        Line($"plan for pilot '{pilot.Slug}', case type '{caseType}', {metric}: {arm} against {pilot.BaselineArm}");
        Line($"  design: {Design(a.Design)}");
        var sd = a.Kind == PowerMetricKind.Mean ? ", sd " + Number(a.StandardDeviation) : "";
        Line($"  baseline {Number(a.Baseline)}{sd}; change {Signed(a.Change)} ({Signed(100 * a.Change / a.Baseline)} %) to {Number(a.Treatment)}{Diluted()}");
        Line($"  volume: {inputs.CasesPerWeek:F1} cases a week, {a.ObservationsPerWeek:F1} observations ({unit}) a week; {arm} {a.TreatmentShare:P0}, {pilot.BaselineArm} {a.BaselineShare:P0}");
        Line($"  from: {inputs.Source}");
        Line($"  test: two-sided at α {Number(a.Alpha)}; power wanted {a.TargetPower:P0}");

        var needed = PowerPlanner.WeeksNeeded(a);
        if (needed is not null)
        {
            Line($"needed: {needed.Weeks} weeks, about {Math.Ceiling(needed.Weeks * inputs.CasesPerWeek):F0} cases ({needed.TreatmentObservations:F0} {unit} in {arm}, {needed.BaselineObservations:F0} in {pilot.BaselineArm}{Units(needed)}): power {needed.Power:P1}{Clustered(needed)}");
        }
        else
        {
            var limit = PowerPlanner.PowerLimit(a);
            var why = limit is { } l
                ? Text($": with {a.Design.Units} {a.Design.Unit}s the power can never exceed {l:P1} however long the pilot runs; more {a.Design.Unit}s help, more weeks do not")
                : "";
            Line($"needed: not reachable within {PowerPlanner.MaxWeeks} weeks{why}");
        }

        var at = available is { } weeks ? PowerPlanner.At(a, weeks) : null;
        if (at is not null)
        {
            Line($"at the {at.Weeks} weeks available: power {at.Power:P1}, about {Math.Ceiling(at.Weeks * inputs.CasesPerWeek):F0} cases{Units(at)}{Clustered(at)}");
        }

        foreach (var estimate in new[] { needed, at }.OfType<PowerEstimate>().DistinctBy(e => e.Weeks))
        {
            var (power, se) = PowerSimulation.Run(a, estimate.Weeks, simulations, seed);
            Line($"check by simulation ({simulations} pilots, seed {seed}), {estimate.Weeks} weeks: predicted {estimate.Power:P1}, simulated {power:P1} ± {se:P1}");
        }

        if (a.Design.Unit == AssignmentUnits.Case && needed is not null)
        {
            Line($"  seasonality is not in the average volume: a pilot in a quiet season needs more weeks");
        }
    }

    /// <summary>What non-compliance did to the change, when it did.</summary>
    private string Diluted() => nonCompliance > 0
        ? string.Create(Invariant, $", as seen by assigned arm with {nonCompliance:P0} of each arm's cases handled in the other (1 − 2·{Number(nonCompliance)} of the full change)")
        : "";

    private static string Design(PowerDesign d) => d.Unit switch
    {
        AssignmentUnits.Case => "case (each case assigned on its own)",
        AssignmentUnits.Period => string.Create(Invariant, $"period (arms switch every {d.PeriodDays} days), ICC {Number(d.Icc)}, CV of period sizes {Number(d.SizeCv)}"),
        _ => string.Create(Invariant, $"{d.Unit} ({d.Units} {d.Unit}s over the arms), ICC {Number(d.Icc)}, CV of {d.Unit} sizes {Number(d.SizeCv)}"),
    };

    private static string Units(PowerEstimate e) =>
        e.BaselineUnits + e.TreatmentUnits == 0 ? "" : string.Create(Invariant, $"; {e.TreatmentUnits} + {e.BaselineUnits} units");

    private static string Clustered(PowerEstimate e) =>
        e.BaselineUnits + e.TreatmentUnits == 0 ? "" : string.Create(Invariant, $" (design effect {e.DesignEffect:F2}, t with {e.DegreesOfFreedom:F1} df)");

    private static string Number(double x) => x.ToString("G4", Invariant);

    private static string Signed(double x) => (x > 0 ? "+" : "") + x.ToString("G4", Invariant);

    private void Line(FormattableString text) => output.WriteLine(text.ToString(Invariant));

    private static string Text(FormattableString text) => text.ToString(Invariant);
}
