using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Simulation;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// <c>evalctl plan</c>: how many cases and weeks a pilot needs to detect a change in one metric of one case type with
/// the power wanted, for the pilot's design (or <c>--design</c>), from a snapshot's history (<c>--snapshot FILE</c>, or
/// the pilot's newest snapshot in <c>--collector URL</c>)
/// or stated assumptions (<c>--baseline</c>, <c>--sd</c>, <c>--cases-per-week</c>, ...), else the simulator's
/// illustrative profile of the case type; then the power at the weeks available, and both checked by a seeded simulation.
/// </summary>
internal static class PlanPowerCommand
{
    private const string DefaultConfig = "metrics-config/evaluation.yaml";
    private const double DefaultSizeCv = 0.4;

    private static readonly string[] Names =
    [
        "pilot", "case-type", "metric", "change", "weeks-available", "config", "snapshot", "collector", "key", "arm", "baseline", "sd", "cases-per-week",
        "measured-share", "non-compliance", "design", "icc", "teams", "handlers", "period-days", "size-cv", "alpha", "power", "simulations", "seed",
    ];

    /// <summary>The design options, the units that use each, and those in words.</summary>
    private static readonly (string Name, string[] Units, string GoesWith)[] DesignOptions =
    [
        ("icc", [AssignmentUnits.Team, AssignmentUnits.Handler, AssignmentUnits.Period], "a team, handler or period design"),
        ("size-cv", [AssignmentUnits.Team, AssignmentUnits.Handler, AssignmentUnits.Period], "a team, handler or period design"),
        ("teams", [AssignmentUnits.Team], "--design team"),
        ("handlers", [AssignmentUnits.Handler], "--design handler"),
        ("period-days", [AssignmentUnits.Period], "--design period"),
    ];

    public static CliCommand Definition { get; } = new(
        ["plan"],
        "--pilot P --case-type T --metric M --change 10%|X [--weeks-available N] [--config FILE] [--snapshot FILE | --collector URL [--key KEY]] [--arm A] "
        + "[--baseline X] [--sd X] [--cases-per-week N] [--measured-share X] [--non-compliance X] [--design case|handler|team|period] [--icc X] [--teams N] "
        + "[--handlers N] [--period-days N] [--size-cv X] [--alpha X] [--power X] [--simulations N] [--seed N]",
        "cases and weeks needed to detect a change with 80 % power for the pilot's design, the power at the weeks available, checked by simulation",
        Run);

    private static int Run(CommandContext context)
    {
        if (ParseOptions(context) is not { } options)
        {
            return ExitCodes.Usage;
        }

        foreach (var name in new[] { "pilot", "case-type", "metric", "change" })
        {
            if (!options.ContainsKey(name))
            {
                return context.UsageError("missing --" + name);
            }
        }

        var path = options.GetValueOrDefault("config") ?? DefaultConfig;
        var loaded = context.LoadConfig(path);
        if (loaded.Config is not { } config)
        {
            context.Err.WriteLine($"evalctl plan: the config {path} is not valid ({loaded.Errors.Count} problem(s)):");
            foreach (var error in loaded.Errors)
            {
                context.Err.WriteLine("  " + error);
            }

            return ExitCodes.Failed;
        }

        if (config.FindPilot(options["pilot"]) is not { } pilot)
        {
            return context.UsageError("--pilot: " + path + " has no pilot '" + options["pilot"] + "' (pilots: " + string.Join(", ", config.Pilots.Select(p => p.Slug)) + ")");
        }

        return Plan(context, options, pilot);
    }

    private static int Plan(CommandContext context, Dictionary<string, string> options, PilotConfig pilot)
    {
        var caseType = options["case-type"];
        var metric = options["metric"];
        if (!pilot.CaseTypes.Contains(caseType, StringComparer.Ordinal))
        {
            return context.UsageError("--case-type: pilot '" + pilot.Slug + "' has no case type '" + caseType + "' (case types: " + string.Join(", ", pilot.CaseTypes) + ")");
        }

        if (KindOf(metric) is not { } kind)
        {
            return context.UsageError("--metric: " + metric + " cannot be planned: give a mean (e.g. effort_seconds_mean, csat_mean, cost_per_case_sek) or a share (e.g. consistency_rate, error_rate); medians and NPS are not planned");
        }

        var treatmentArm = options.GetValueOrDefault("arm") ?? pilot.Arms.First(a => a.Name != pilot.BaselineArm).Name;
        if (treatmentArm == pilot.BaselineArm || !pilot.HasArm(treatmentArm))
        {
            return context.UsageError("--arm: '" + treatmentArm + "' is not an arm other than the baseline (arms: " + string.Join(", ", pilot.Arms.Select(a => a.Name)) + ")");
        }

        // Every number is checked first, so that a mistyped one is a usage error (exit 2) whatever step reads it.
        if (!NumbersParse(context, options) || !DesignOptionsUsed(context, options, pilot))
        {
            return ExitCodes.Usage;
        }

        if (Inputs(context, options, pilot, caseType, metric, kind) is not { } inputs)
        {
            return ExitCodes.Failed;
        }

        if (Assumptions(context, options, pilot, treatmentArm, kind, inputs, caseType, metric, out var level) is not { } assumptions)
        {
            return ExitCodes.Usage;
        }

        var errors = assumptions.Validate();
        if (errors.Count > 0)
        {
            context.Err.WriteLine($"evalctl plan: {errors.Count} problem(s) with the assumptions:");
            foreach (var error in errors)
            {
                context.Err.WriteLine("  --" + error);
            }

            return ExitCodes.Failed;
        }

        if (!TryInt(context, options, "weeks-available", 1, PowerPlanner.MaxWeeks, out var available)
            || !TryInt(context, options, "simulations", 100, 100_000, out var simulations)
            || !TryInt(context, options, "seed", int.MinValue, int.MaxValue, out var seed))
        {
            return ExitCodes.Usage;
        }

        // Already checked by Assumptions.
        var nonCompliance = options.TryGetValue("non-compliance", out var text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : 0;
        new PlanPrinter(context.Out, pilot, caseType, metric, treatmentArm, inputs, assumptions, level!, nonCompliance).Print(available, simulations ?? PowerSimulation.DefaultPilots, seed ?? 1);
        return ExitCodes.Ok;
    }

    /// <summary>A mean or a share metric; null for one that is not planned (medians, percentiles, NPS, descriptive figures).</summary>
    internal static PowerMetricKind? KindOf(string metric) =>
        !MetricKeys.PlannablePerCaseType.Contains(metric, StringComparer.Ordinal) ? null
        : metric.EndsWith("_rate", StringComparison.Ordinal) || metric.EndsWith("_share", StringComparison.Ordinal) ? PowerMetricKind.Share
        : metric.EndsWith("_mean", StringComparison.Ordinal) || metric is MetricKeys.CostPerCase or MetricKeys.EnergyPerCase ? PowerMetricKind.Mean
        : null;

    /// <summary>The baseline figures: the options given, over a snapshot's, over the simulator's profile of the case type.</summary>
    private static PlanInputs? Inputs(CommandContext context, Dictionary<string, string> options, PilotConfig pilot, string caseType, string metric, PowerMetricKind kind)
    {
        PlanInputs? history = null;
        if (PlanSnapshotSource.IsGiven(options))
        {
            if (PlanSnapshotSource.Load(context, options, pilot.Slug) is not { } snapshot)
            {
                return null;
            }

            (history, var problem) = PlanHistory.Read(snapshot, caseType, metric, kind == PowerMetricKind.Mean, pilot.BaselineArm, "snapshot " + snapshot.Id);
            if (history is null)
            {
                context.Err.WriteLine("evalctl plan: " + problem);
                return null;
            }
        }

        var profile = CaseTypeProfiles.For(caseType);
        var figures = ProfileFigures.Of(profile, metric);
        history ??= figures is null ? null : new PlanInputs(figures.Baseline, figures.StandardDeviation,
            profile.CasesPerYear / (365.2425 / 7) * figures.MeasuredShare, profile.CasesPerYear / (365.2425 / 7),
            "the simulator's illustrative profile of '" + caseType + "'");
        return Given(context, options, kind, history);
    }

    /// <summary>The figures with the options given on the command line in place of the history's.</summary>
    private static PlanInputs? Given(CommandContext context, Dictionary<string, string> options, PowerMetricKind kind, PlanInputs? history)
    {
        if (!TryDouble(context, options, "baseline", out var baseline) || !TryDouble(context, options, "sd", out var sd)
            || !TryDouble(context, options, "cases-per-week", out var casesPerWeek) || !TryDouble(context, options, "measured-share", out var measured))
        {
            return null;
        }

        if (measured is not null && measured is not (> 0 and <= 1))
        {
            context.Err.WriteLine("evalctl plan: --measured-share must be above 0 and at most 1 (the share of cases that give an observation)");
            return null;
        }

        var stated = baseline is not null || sd is not null || casesPerWeek is not null || measured is not null;
        var cases = casesPerWeek ?? history?.CasesPerWeek;
        var share = measured ?? (history is null ? 1 : history.ObservationsPerWeek / history.CasesPerWeek);
        var inputs = new PlanInputs(baseline ?? history?.Baseline ?? double.NaN, sd ?? history?.StandardDeviation, (cases ?? double.NaN) * share,
            cases ?? double.NaN, (history?.Source ?? "") + (stated ? (history is null ? "" : ", with ") + "assumptions given" : ""))
        {
            Icc = history?.Icc,
            Units = history?.Units,
        };
        var missing = new List<string>();
        if (double.IsNaN(inputs.Baseline))
        {
            missing.Add("--baseline");
        }

        if (kind == PowerMetricKind.Mean && inputs.StandardDeviation is null)
        {
            missing.Add("--sd");
        }

        if (double.IsNaN(inputs.CasesPerWeek))
        {
            missing.Add("--cases-per-week");
        }

        if (missing.Count > 0)
        {
            context.Err.WriteLine("evalctl plan: no history or profile gives " + string.Join(", ", missing) + ": give them (or --snapshot FILE from evalctl snapshot export)");
            return null;
        }

        return inputs;
    }

    /// <summary>
    /// The assumptions to plan with; <paramref name="level"/> is the level of the final analysis's test (the plan's
    /// alpha, 0.8 of it for a primary or guardrail comparison of a pilot with a planned end, or <c>--alpha</c>), with
    /// the comparison's role and primary family.
    /// </summary>
    private static PowerAssumptions? Assumptions(CommandContext context, Dictionary<string, string> options, PilotConfig pilot, string treatmentArm,
        PowerMetricKind kind, PlanInputs inputs, string caseType, string metric, out PowerTestLevel? level)
    {
        level = null;
        if (ParseChange(options["change"], inputs.Baseline) is not { } change)
        {
            context.UsageError("--change must be a relative change like 10% or -5%, or a difference in the metric's unit like 0.05 or -60");
            return null;
        }

        if (!TryDouble(context, options, "alpha", out var alpha) || !TryDouble(context, options, "power", out var power)
            || !TryDouble(context, options, "non-compliance", out var nonCompliance) || Design(context, options, pilot, inputs) is not { } design)
        {
            return null;
        }

        if (nonCompliance is not null and not (>= 0 and < 0.5))
        {
            context.UsageError("--non-compliance must be at least 0 and below 0.5 (the share of each arm's cases handled in the other arm)");
            return null;
        }

        // Analysed by assigned arm, a share c of each arm handled in the other one dilutes the difference to (1 − 2c)·δ.
        change *= 1 - (2 * (nonCompliance ?? 0));

        var total = pilot.Arms.Sum(a => a.Share);
        level = PowerTestLevel.Of(pilot, caseType, metric, alpha);
        return new PowerAssumptions
        {
            Kind = kind,
            Baseline = inputs.Baseline,
            StandardDeviation = inputs.StandardDeviation ?? 0,
            Change = change,
            ObservationsPerWeek = inputs.ObservationsPerWeek,
            BaselineShare = pilot.Arms.First(a => a.Name == pilot.BaselineArm).Share / total,
            TreatmentShare = pilot.Arms.First(a => a.Name == treatmentArm).Share / total,
            Alpha = level.Alpha,
            TargetPower = power ?? 0.8,
            Design = design,
        };
    }

    /// <summary>
    /// The design: the pilot's, or <c>--design</c>; teams, handlers, ICC and period length from the options, else (ICC;
    /// teams or handlers when the unit is the same) from the snapshot the figures come from.
    /// </summary>
    private static PowerDesign? Design(CommandContext context, Dictionary<string, string> options, PilotConfig pilot, PlanInputs inputs)
    {
        var unit = options.GetValueOrDefault("design") ?? pilot.Design.Unit;
        if (!AssignmentUnits.All.Contains(unit, StringComparer.Ordinal))
        {
            context.UsageError("--design must be one of " + string.Join(", ", AssignmentUnits.All));
            return null;
        }

        if (!TryDouble(context, options, "icc", out var icc) || !TryDouble(context, options, "size-cv", out var cv)
            || !TryInt(context, options, unit == AssignmentUnits.Handler ? "handlers" : "teams", 0, 100_000, out var units)
            || !TryInt(context, options, "period-days", 1, 366, out var periodDays))
        {
            return null;
        }

        icc ??= unit != AssignmentUnits.Case ? inputs.Icc : null;
        units ??= inputs.Units is { } seen && seen.Unit == unit ? seen.Count : null;
        if (unit != AssignmentUnits.Case && icc is null)
        {
            context.UsageError("--icc: a " + unit + " design needs the intra-cluster correlation of the metric (e.g. --icc 0.05; a snapshot of a clustered pilot states it)");
            return null;
        }

        if (unit is AssignmentUnits.Team or AssignmentUnits.Handler && units is null)
        {
            context.UsageError("--" + (unit == AssignmentUnits.Team ? "teams" : "handlers") + ": a " + unit + " design needs the number of " + unit + "s over all arms");
            return null;
        }

        return new PowerDesign
        {
            Unit = unit,
            Units = units ?? 0,
            Icc = icc ?? 0,
            SizeCv = cv ?? (unit == AssignmentUnits.Period ? 0 : DefaultSizeCv),
            PeriodDays = periodDays ?? pilot.Design.PeriodDays ?? 7,
        };
    }

    /// <summary>
    /// Refuses (exit 2) a <c>--design</c> that is not one, and design options the design does not use, naming them: a
    /// case design has no ICC, units or periods, a team design no handlers or periods, and so on. Planned as if they
    /// were not given, the answer would not be the one asked for.
    /// </summary>
    private static bool DesignOptionsUsed(CommandContext context, Dictionary<string, string> options, PilotConfig pilot)
    {
        var given = options.TryGetValue("design", out var unit);
        unit ??= pilot.Design.Unit;
        if (!AssignmentUnits.All.Contains(unit, StringComparer.Ordinal))
        {
            context.UsageError("--design must be one of " + string.Join(", ", AssignmentUnits.All));
            return false;
        }

        var unused = DesignOptions.Where(o => options.ContainsKey(o.Name) && !o.Units.Contains(unit, StringComparer.Ordinal)).ToList();
        if (unused.Count == 0)
        {
            return true;
        }

        var design = given ? "--design " + unit
            : pilot.Design.IsConfigured ? "pilot '" + pilot.Slug + "' has design.unit " + unit + "; give --design to plan another"
            : "pilot '" + pilot.Slug + "' sets no design, so each case is assigned on its own; give --design to plan a clustered one";
        context.UsageError(string.Join(", ", unused.Select(o => "--" + o.Name)) + ": not used by a " + unit + " design (" + design + "): "
            + string.Join(", ", unused.Select(o => "--" + o.Name + " goes with " + o.GoesWith)));
        return false;
    }

    /// <summary>10% or -5 % (relative to the baseline), or a plain number (a difference in the metric's unit).</summary>
    internal static double? ParseChange(string text, double baseline)
    {
        var trimmed = text.Trim();
        var relative = trimmed.EndsWith('%');
        if (!double.TryParse(relative ? trimmed[..^1].Trim() : trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return null;
        }

        return relative ? baseline * value / 100 : value;
    }

    private static bool NumbersParse(CommandContext context, Dictionary<string, string> options) =>
        new[] { "baseline", "sd", "cases-per-week", "measured-share", "non-compliance", "icc", "size-cv", "alpha", "power" }
            .All(name => TryDouble(context, options, name, out _));

    private static bool TryDouble(CommandContext context, Dictionary<string, string> options, string name, out double? value)
    {
        value = null;
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            value = parsed;
            return true;
        }

        context.UsageError("--" + name + " must be a number");
        return false;
    }

    private static bool TryInt(CommandContext context, Dictionary<string, string> options, string name, int min, int max, out int? value)
    {
        value = null;
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            value = parsed;
            return true;
        }

        context.UsageError(string.Create(CultureInfo.InvariantCulture, $"--{name} must be a whole number from {min} to {max}"));
        return false;
    }

    /// <summary>The <c>--name value</c> pairs; null (reported) on an unknown or valueless argument.</summary>
    private static Dictionary<string, string>? ParseOptions(CommandContext context)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < context.Args.Count; i++)
        {
            var arg = context.Args[i];
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null;
            if (name is null || !Names.Contains(name, StringComparer.Ordinal))
            {
                context.UsageError("unknown argument '" + arg + "'");
                return null;
            }

            if (i + 1 >= context.Args.Count)
            {
                context.UsageError(arg + " needs a value");
                return null;
            }

            options[name] = context.Args[++i];
        }

        return options;
    }
}
