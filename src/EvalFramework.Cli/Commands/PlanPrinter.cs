using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// Prints <c>evalctl plan</c>'s answer: the assumptions, the test's level and the comparison's role in the analysis plan,
/// the weeks and cases needed, the power at the weeks available, for a primary comparison in a Holm family the same at
/// Holm's worst case (α/k), and the simulation's check of them.
/// </summary>
internal sealed class PlanPrinter(TextWriter output, PilotConfig pilot, string caseType, string metric, string arm, PlanInputs inputs, PowerAssumptions assumptions,
    PowerTestLevel level, double nonCompliance)
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
        Line($"  test: two-sided at α {Number(a.Alpha)} ({AlphaSource()}); power wanted {a.TargetPower:P0}");
        Line($"  {Role()}");

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

        var holm = level.HolmWorstCase is { } worst ? a with { Alpha = worst } : null;
        var holmNeeded = holm is null ? null : HolmWorstCase(holm, needed, available, unit);
        foreach (var estimate in new[] { needed, at }.OfType<PowerEstimate>().DistinctBy(e => e.Weeks))
        {
            Check(a, estimate, "", simulations, seed);
        }

        if (holm is not null && holmNeeded is not null)
        {
            Check(holm, holmNeeded, Text($" at Holm's worst-case α {Number(holm.Alpha)}"), simulations, seed);
        }

        if (a.Design.Unit == AssignmentUnits.Case && needed is not null)
        {
            Line($"  seasonality is not in the average volume: a pilot in a quiet season needs more weeks");
        }
    }

    /// <summary>
    /// The line on the worst case of a primary comparison in a Holm family of k: none of the others shows a difference,
    /// so this one must pass Holm's first step, α/k. Returns the weeks needed then (null when not reachable).
    /// </summary>
    private PowerEstimate? HolmWorstCase(PowerAssumptions holm, PowerEstimate? needed, int? available, string unit)
    {
        var k = level.FamilySize;
        var powers = new List<string>();
        if (needed is not null)
        {
            powers.Add(Text($"{PowerPlanner.At(holm, needed.Weeks).Power:P1} at {needed.Weeks} weeks"));
        }

        if (available is { } weeks && weeks != needed?.Weeks)
        {
            powers.Add(Text($"{PowerPlanner.At(holm, weeks).Power:P1} at the {weeks} weeks available"));
        }

        var holmNeeded = PowerPlanner.WeeksNeeded(holm);
        var needs = holmNeeded is not null
            ? Text($"{holm.TargetPower:P0} needs {holmNeeded.Weeks} weeks, about {Math.Ceiling(holmNeeded.Weeks * inputs.CasesPerWeek):F0} cases ({holmNeeded.TreatmentObservations:F0} {unit} in {arm}, {holmNeeded.BaselineObservations:F0} in {pilot.BaselineArm}{Units(holmNeeded)})")
            : Text($"{holm.TargetPower:P0} is not reachable within {PowerPlanner.MaxWeeks} weeks");
        var power = powers.Count == 0 ? "" : "power " + string.Join(", ", powers) + "; ";
        Line($"worst case under Holm (none of the {k - 1} other primary comparisons shows a clear difference), tested at α {Number(level.Alpha)}/{k} = {Number(holm.Alpha)}: {power}{needs}");
        return holmNeeded;
    }

    /// <summary>The simulation's check of one predicted power, with the standard error of the simulated power.</summary>
    private void Check(PowerAssumptions a, PowerEstimate estimate, string at, int simulations, int seed)
    {
        var (power, se) = PowerSimulation.Run(a, estimate.Weeks, simulations, seed);
        Line($"check by simulation ({simulations} pilots, seed {seed}), {estimate.Weeks} weeks{at}: predicted {estimate.Power:P1}, simulated {power:P1} ± {se:P1} (standard error)");
    }

    /// <summary>Where the test's level comes from.</summary>
    private string AlphaSource() =>
        level.IsGiven ? "--alpha"
        : level.PlannedEnd is { } end
            ? Text($"the final analysis's: the plan's {Number(level.PlanAlpha)} less the {Number(level.PlanAlpha - level.Alpha)} spent on the daily looks before the planned end {end:yyyy-MM-dd}")
        : "the analysis plan's alpha";

    /// <summary>The comparison's role in the analysis plan, and what it does to the level.</summary>
    private string Role()
    {
        var k = level.FamilySize;
        return level.Role switch
        {
            ComparisonRoles.Primary when k > 1 => Text(
                $"primary: one of the plan's {k} primary comparisons, adjusted together by Holm; α {Number(level.Alpha)} holds when the other {k - 1} show clear differences, the worst case (they show none) is below"),
            ComparisonRoles.Primary => "primary: the plan's only primary comparison (no Holm adjustment)",
            ComparisonRoles.Guardrail => Text(
                $"guardrail (margin {Number(pilot.AnalysisPlan.MarginOf(caseType, metric) ?? 0)}): its verdict is a one-sided non-inferiority test; planned here as the two-sided test of the change"),
            _ => "secondary (exploratory): not one of the plan's primary comparisons, not adjusted",
        };
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
