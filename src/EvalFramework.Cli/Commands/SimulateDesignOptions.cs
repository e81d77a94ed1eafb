using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// <c>evalctl simulate</c>'s design options: <c>--design case|handler|team|period|before-after</c>, <c>--teams N</c>,
/// <c>--handlers-per-team N</c>, <c>--period-days N</c>, <c>--icc X</c>, <c>--non-compliance X</c>, <c>--ai-start DATE</c>.
/// Without any of them the pilot's configured design is simulated; without that either there is no design (each case
/// on its own, nothing recorded of it: the demo's traffic). Without <c>--design</c> the others change the configured
/// design (else a case design). An option the design would not use, or a value the simulator would refuse, is a usage
/// error naming the option: nothing given on the command line is silently left out.
/// </summary>
internal static class SimulateDesignOptions
{
    /// <summary>The option names.</summary>
    public static readonly string[] Names = ["design", "teams", "handlers-per-team", "period-days", "icc", "non-compliance", "ai-start"];

    /// <summary>The usage text of the options.</summary>
    public const string Usage = "[--design case|handler|team|period|before-after] [--teams N] [--handlers-per-team N] [--period-days N] [--icc X] [--non-compliance X] [--ai-start DATE]";

    private const string BeforeAfter = "before-after";

    /// <summary>The design the options give; null without any. <paramref name="error"/> says what is wrong, naming the option.</summary>
    /// <param name="options">The parsed options.</param>
    /// <param name="pilot">The simulated pilot (its teams are the default team count).</param>
    /// <param name="configured">The pilot's configured design (null for the built-in pilot): the one the options change when <c>--design</c> is not given.</param>
    /// <param name="start">The simulation's start.</param>
    /// <param name="days">The simulation's length in days (before/after starts the AI halfway by default).</param>
    /// <param name="error">The usage error, or null.</param>
    public static SimulationDesign? Read(Dictionary<string, string> options, SimulationPilot pilot, DesignConfig? configured, DateTimeOffset start, double days,
        out string? error)
    {
        error = null;
        if (!Names.Any(options.ContainsKey))
        {
            return null;
        }

        var basis = options.ContainsKey("design") ? null : FromConfig(configured, pilot);
        var name = options.GetValueOrDefault("design") ?? basis?.Unit ?? AssignmentUnits.Case;
        var beforeAfter = name == BeforeAfter;
        if (!beforeAfter && !AssignmentUnits.All.Contains(name, StringComparer.Ordinal))
        {
            error = "--design must be case, handler, team, period or before-after";
            return null;
        }

        var unit = beforeAfter ? AssignmentUnits.Case : name;
        var clusteredByTeam = unit is AssignmentUnits.Team or AssignmentUnits.Handler;
        if (!Int(options, "teams", basis?.Teams ?? (clusteredByTeam ? pilot.Teams.Count : 0), 0, int.MaxValue, ref error, out var teams)
            || !Int(options, "handlers-per-team", 5, 1, 1000, ref error, out var handlers)
            || !Int(options, "period-days", basis?.PeriodDays ?? 7, 1, 366, ref error, out var periodDays)
            || !Number(options, "icc", x => x is >= 0 and < 1, "at least 0 and below 1", ref error, out var icc)
            || !Number(options, "non-compliance", x => x is >= 0 and <= 0.5, "from 0 to 0.5 (the share of cases handled in another arm than assigned)",
                ref error, out var nonCompliance))
        {
            return null;
        }

        error = Unused(options, name, unit, teams) ?? Units(options, pilot, unit, teams, handlers);
        if (error is not null)
        {
            return null;
        }

        var end = start.AddDays(days);
        DateTimeOffset? aiStart = beforeAfter ? start.UtcDateTime.Date.AddDays(Math.Floor(days / 2)) : basis?.AiStart;
        if (options.TryGetValue("ai-start", out var text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                error = "--ai-start must be a date, e.g. 2025-03-01";
                return null;
            }

            if (parsed <= start || parsed >= end)
            {
                error = string.Create(CultureInfo.InvariantCulture,
                    $"--ai-start {parsed:yyyy-MM-dd'T'HH:mm:ss'Z'} is not inside the simulated period ({start:yyyy-MM-dd'T'HH:mm:ss'Z'} to {end:yyyy-MM-dd'T'HH:mm:ss'Z'}), so there would be no {(parsed <= start ? "before" : "after")} period: give a date after --start (default now − --days) and before the end");
                return null;
            }

            aiStart = parsed;
        }
        else if (beforeAfter && (aiStart <= start || aiStart >= end))
        {
            error = "--design before-after: the AI starts halfway, at the start of a day, and the simulated period is too short to have days before it: give more --days or an --ai-start";
            return null;
        }

        return new SimulationDesign
        {
            Unit = unit, Teams = teams, HandlersPerTeam = handlers, PeriodDays = periodDays, Icc = icc, NonCompliance = nonCompliance,
            AiStart = aiStart, ConcurrentControl = !beforeAfter,
        };
    }

    /// <summary>
    /// The options given that the design would not use, in a sentence naming them; null when every one is used.
    /// <c>--period-days</c> only shapes a period design and <c>--handlers-per-team</c> a handler design; <c>--icc</c>
    /// needs a unit whose effect it sizes (with <c>case</c> and <c>before-after</c>, teams); a before/after design
    /// has no arms to stray between (<c>--non-compliance</c>).
    /// </summary>
    private static string? Unused(Dictionary<string, string> options, string name, string unit, int teams)
    {
        var why = new List<(string Flag, string Reason)>();
        if (options.ContainsKey("period-days") && unit != AssignmentUnits.Period)
        {
            why.Add(("--period-days", "--period-days goes with --design period"));
        }

        if (options.ContainsKey("handlers-per-team") && unit != AssignmentUnits.Handler)
        {
            why.Add(("--handlers-per-team", "--handlers-per-team goes with --design handler"));
        }

        if (options.ContainsKey("icc") && unit == AssignmentUnits.Case && teams == 0)
        {
            why.Add(("--icc", "--icc sizes the effect of a team, handler or period: give --design team, handler or period, or --teams N for team effects in a " + name + " design"));
        }

        if (options.ContainsKey("non-compliance") && name == BeforeAfter)
        {
            why.Add(("--non-compliance", "--non-compliance needs a concurrent control, which a before-after design has not (every case after the AI start is in the AI arm)"));
        }

        var design = options.ContainsKey("design") ? "--design " + name : "the design is " + name + (name == AssignmentUnits.Case ? "; give --design for another" : "");
        return why.Count == 0 ? null
            : string.Join(", ", why.Select(w => w.Flag)) + ": not used by the design (" + design + "): " + string.Join("; ", why.Select(w => w.Reason));
    }

    /// <summary>Too many teams for the pilot's team slugs, or too few units for a team or handler design; null when the count is right.</summary>
    private static string? Units(Dictionary<string, string> options, SimulationPilot pilot, string unit, int teams, int handlers)
    {
        if (teams > pilot.Teams.Count)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"--teams: {teams} teams need as many team slugs in the pilot's teams (it lists {pilot.Teams.Count}); the collector accepts only those");
        }

        if (unit is not (AssignmentUnits.Team or AssignmentUnits.Handler))
        {
            return null;
        }

        var units = unit == AssignmentUnits.Team ? teams : teams * handlers;
        var needed = 2 * pilot.Arms.Count;
        if (units >= needed)
        {
            return null;
        }

        var flag = options.ContainsKey("teams") ? "--teams" : options.ContainsKey("design") ? "--design " + unit : "design.unit " + unit + " (give --design for another)";
        var count = unit == AssignmentUnits.Team
            ? string.Create(CultureInfo.InvariantCulture, $"{teams} teams")
            : string.Create(CultureInfo.InvariantCulture, $"{teams} teams × {handlers} handlers");
        var hint = options.ContainsKey("teams") ? "" : string.Create(CultureInfo.InvariantCulture, $" (the pilot lists {pilot.Teams.Count} teams)");
        return string.Create(CultureInfo.InvariantCulture, $"{flag}: a {unit} design needs at least 2 {unit}s per arm ({needed}); {count} give {units}{hint}");
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

    private static bool Int(Dictionary<string, string> options, string name, int fallback, int min, int max, ref string? error, out int value)
    {
        value = fallback;
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        error = max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"--{name} must be a whole number of {min} or more")
            : string.Create(CultureInfo.InvariantCulture, $"--{name} must be a whole number from {min} to {max}");
        return false;
    }

    private static bool Number(Dictionary<string, string> options, string name, Func<double, bool> valid, string range, ref string? error, out double value)
    {
        value = 0;
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            error = "--" + name + " must be a number";
            return false;
        }

        if (valid(value))
        {
            return true;
        }

        error = "--" + name + " must be " + range;
        return false;
    }
}
