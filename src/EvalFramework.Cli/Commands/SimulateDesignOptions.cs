using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// <c>evalctl simulate</c>'s design options: <c>--design case|handler|team|period|before-after</c>, <c>--teams N</c>,
/// <c>--handlers-per-team N</c>, <c>--period-days N</c>, <c>--icc X</c>, <c>--non-compliance X</c>, <c>--ai-start DATE</c>.
/// Without any of them the pilot's configured design is simulated; without that either there is no design (each case
/// on its own, nothing recorded of it: the demo's traffic).
/// </summary>
internal static class SimulateDesignOptions
{
    /// <summary>The option names.</summary>
    public static readonly string[] Names = ["design", "teams", "handlers-per-team", "period-days", "icc", "non-compliance", "ai-start"];

    /// <summary>The usage text of the options.</summary>
    public const string Usage = "[--design case|handler|team|period|before-after] [--teams N] [--handlers-per-team N] [--period-days N] [--icc X] [--non-compliance X] [--ai-start DATE]";

    /// <summary>The design the options give; null without any. <paramref name="error"/> says what is wrong, naming the option.</summary>
    /// <param name="options">The parsed options.</param>
    /// <param name="pilot">The simulated pilot (its teams are the default team count).</param>
    /// <param name="start">The simulation's start.</param>
    /// <param name="days">The simulation's length in days (before/after starts the AI halfway by default).</param>
    /// <param name="error">The usage error, or null.</param>
    public static SimulationDesign? Read(Dictionary<string, string> options, SimulationPilot pilot, DateTimeOffset start, double days, out string? error)
    {
        error = null;
        if (!Names.Any(options.ContainsKey))
        {
            return null;
        }

        var name = options.GetValueOrDefault("design") ?? AssignmentUnits.Case;
        var beforeAfter = name == "before-after";
        if (!beforeAfter && !AssignmentUnits.All.Contains(name, StringComparer.Ordinal))
        {
            error = "--design must be case, handler, team, period or before-after";
            return null;
        }

        var unit = beforeAfter ? AssignmentUnits.Case : name;
        var clusteredByTeam = unit is AssignmentUnits.Team or AssignmentUnits.Handler;
        if (!Int(options, "teams", clusteredByTeam ? pilot.Teams.Count : 0, ref error, out var teams)
            || !Int(options, "handlers-per-team", 5, ref error, out var handlers)
            || !Int(options, "period-days", 7, ref error, out var periodDays)
            || !Number(options, "icc", ref error, out var icc)
            || !Number(options, "non-compliance", ref error, out var nonCompliance))
        {
            return null;
        }

        DateTimeOffset? aiStart = beforeAfter ? start.UtcDateTime.Date.AddDays(Math.Floor(days / 2)) : null;
        if (options.TryGetValue("ai-start", out var text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                error = "--ai-start must be a date, e.g. 2025-03-01";
                return null;
            }

            aiStart = parsed;
        }

        return new SimulationDesign
        {
            Unit = unit, Teams = teams, HandlersPerTeam = handlers, PeriodDays = periodDays, Icc = icc, NonCompliance = nonCompliance,
            AiStart = aiStart, ConcurrentControl = !beforeAfter,
        };
    }

    /// <summary>
    /// The design of the pilot's config when it sets one (<c>design.unit</c>, <c>periodLength</c>, <c>aiStart</c>; teams
    /// and handlers: all the pilot's teams), so that <c>evalctl simulate</c> without design options simulates the pilot
    /// as configured; null when the config sets none (the demo).
    /// </summary>
    public static SimulationDesign? FromConfig(DesignConfig? design, SimulationPilot pilot) => design is { IsConfigured: true }
        ? new SimulationDesign
        {
            Unit = design.Unit,
            Teams = design.Unit is AssignmentUnits.Team or AssignmentUnits.Handler ? pilot.Teams.Count : 0,
            PeriodDays = design.PeriodDays ?? 7,
            AiStart = design.AiStart,
        }
        : null;

    private static bool Int(Dictionary<string, string> options, string name, int fallback, ref string? error, out int value)
    {
        value = fallback;
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0)
        {
            return true;
        }

        error = "--" + name + " must be a whole number of 0 or more";
        return false;
    }

    private static bool Number(Dictionary<string, string> options, string name, ref string? error, out double value)
    {
        value = 0;
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        error = "--" + name + " must be a number";
        return false;
    }
}
