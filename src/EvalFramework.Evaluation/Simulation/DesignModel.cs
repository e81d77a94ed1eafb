using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// A <see cref="SimulationDesign"/> made concrete for one run: which arm each team, handler and period is allocated
/// to, the teams' sizes, and where each case goes (<see cref="Place"/>). Everything is drawn from its own streams, so
/// the draws of a case's events are the same with and without a design.
/// </summary>
internal sealed class DesignModel
{
    private readonly SimulationDesign _design;
    private readonly string[] _arms;
    private readonly int _baseline;
    private readonly string[] _teams;
    private readonly double[] _teamCumulative;
    private readonly int[] _armOfTeam;
    private readonly int[] _armOfHandler;
    private readonly long _seed;
    private readonly long _periodOrigin;
    private readonly long? _aiStart;

    private DesignModel(SimulationDesign design, SimulationPilot pilot, long seed, DateTimeOffset start)
    {
        _design = design;
        _arms = [.. pilot.Arms.Select(a => a.Name)];
        _baseline = Array.IndexOf(_arms, pilot.BaselineArm);
        _teams = [.. pilot.Teams.Take(design.Teams)];
        _seed = seed;
        var random = new SeededRandom(StreamSeeds.Derive(seed, StreamSeeds.Design, 0));
        var weights = _teams.Select(_ => random.Uniform(0.5, 1.5)).ToArray();
        _teamCumulative = Cumulative(weights);
        var shares = pilot.Arms.Select(a => a.Share).ToArray();
        _armOfTeam = Allocate(_teams.Length, shares, random);
        _armOfHandler = Allocate(_teams.Length * design.HandlersPerTeam, shares, random);
        var day = start.UtcDateTime.Date;
        _periodOrigin = day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).Ticks;
        _aiStart = design.AiStart?.UtcTicks;
    }

    /// <summary>The design for a run, or every problem with it (keys <c>design.*</c>).</summary>
    public static DesignModel? Build(SimulationDesign design, SimulationPilot pilot, long seed, DateTimeOffset start, List<ConfigError> errors)
    {
        const string File = "(simulation settings)";
        var before = errors.Count;
        void Check(bool ok, string key, string message)
        {
            if (!ok)
            {
                errors.Add(new ConfigError(File, 0, "design." + key, message));
            }
        }

        var unit = design.Unit;
        Check(AssignmentUnits.All.Contains(unit), "unit", "must be one of " + string.Join(", ", AssignmentUnits.All));
        Check(design.Icc is >= 0 and < 1, "icc", "must be at least 0 and below 1");
        Check(design.NonCompliance is >= 0 and <= 0.5, "nonCompliance", "must be from 0 to 0.5");
        Check(design.PeriodDays is >= 1 and <= 366, "periodDays", "must be from 1 to 366");
        Check(design.HandlersPerTeam is >= 1 and <= 1000, "handlersPerTeam", "must be from 1 to 1000");
        Check(design.Teams >= 0 && design.Teams <= pilot.Teams.Count, "teams", string.Create(CultureInfo.InvariantCulture,
            $"{design.Teams} teams need as many team slugs in the pilot's teams (it lists {pilot.Teams.Count}); the collector accepts only those"));
        if (unit is AssignmentUnits.Team or AssignmentUnits.Handler)
        {
            var units = unit == AssignmentUnits.Team ? design.Teams : design.Teams * design.HandlersPerTeam;
            Check(units >= 2 * pilot.Arms.Count, "teams", string.Create(CultureInfo.InvariantCulture,
                $"a {unit} design needs at least 2 {unit}s per arm ({2 * pilot.Arms.Count}); it has {units}"));
        }

        Check(design.ConcurrentControl || (design.AiStart is not null && unit == AssignmentUnits.Case), "concurrentControl",
            "a before/after design without a control needs aiStart and unit case");
        Check(pilot.Arms.Count >= 2, "unit", "a design needs at least two arms");
        return errors.Count > before ? null : new DesignModel(design, pilot, seed, start);
    }

    /// <summary>Where case <paramref name="number"/> of case type <paramref name="caseType"/> goes.</summary>
    /// <param name="caseType">The case type's index.</param>
    /// <param name="number">The case's number.</param>
    /// <param name="openedTicks">When it was opened (UTC ticks).</param>
    /// <param name="drawnArm">The arm the case's own draw gives (the arm of a case-level design).</param>
    /// <param name="reference">The case reference (the unit key of a case-level design).</param>
    public CasePlacement Place(int caseType, long number, long openedTicks, int drawnArm, string reference)
    {
        var random = new SeededRandom(StreamSeeds.Derive(_seed, StreamSeeds.PlacementBase + caseType, number));
        // Every draw is made whatever the design, so that one option changes no other draw.
        var team = _teams.Length > 0 ? Index(_teamCumulative, random.NextDouble()) : -1;
        var handler = team < 0 ? -1 : (team * _design.HandlersPerTeam) + Math.Min(_design.HandlersPerTeam - 1, (int)(random.NextDouble() * _design.HandlersPerTeam));
        var complies = random.NextDouble() >= _design.NonCompliance;
        var other = random.NextDouble();
        var period = (int)((openedTicks - _periodOrigin) / (_design.PeriodDays * TimeSpan.TicksPerDay));
        var teamName = team < 0 ? null : _teams[team];
        var effectUnit = _design.Unit switch
        {
            AssignmentUnits.Handler => handler,
            AssignmentUnits.Period => period,
            _ => team,
        };

        var beforeStart = openedTicks < _aiStart;
        if (!_design.ConcurrentControl)
        {
            return new CasePlacement(beforeStart ? _baseline : FirstOther(), null, teamName, effectUnit);
        }

        var assigned = beforeStart ? _baseline : _design.Unit switch
        {
            AssignmentUnits.Team => _armOfTeam[team],
            AssignmentUnits.Handler => _armOfHandler[handler],
            AssignmentUnits.Period => PeriodArm(period),
            _ => drawnArm,
        };
        var used = complies || beforeStart ? assigned : Other(assigned, other);
        var key = _design.Unit switch
        {
            AssignmentUnits.Team => teamName!,
            AssignmentUnits.Handler => teamName + "/h" + ((handler % _design.HandlersPerTeam) + 1).ToString(CultureInfo.InvariantCulture),
            AssignmentUnits.Period => PeriodKey(period),
            _ => reference,
        };
        return new CasePlacement(used, new SimulatedAssignment(_design.Unit, key, _arms[assigned]), teamName, effectUnit);
    }

    /// <summary>The arm of period <paramref name="period"/>: each block of as many periods as arms is a random order of the arms.</summary>
    private int PeriodArm(int period)
    {
        var block = Math.DivRem(period, _arms.Length, out var position);
        var random = new SeededRandom(StreamSeeds.Derive(_seed, StreamSeeds.Design, 1 + (long)block));
        var order = Enumerable.Range(0, _arms.Length).ToArray();
        Shuffle(order, random);
        return order[position];
    }

    /// <summary><c>2025-W02</c> for weekly periods (they start on Mondays), else the period's first day.</summary>
    private string PeriodKey(int period)
    {
        var first = new DateTime(_periodOrigin + (period * _design.PeriodDays * TimeSpan.TicksPerDay), DateTimeKind.Utc);
        return _design.PeriodDays == 7
            ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(first)}-W{ISOWeek.GetWeekOfYear(first):00}")
            : first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private int FirstOther() => _baseline == 0 ? 1 : 0;

    /// <summary>One of the other arms, by a uniform draw.</summary>
    private int Other(int assigned, double u)
    {
        var pick = Math.Min(_arms.Length - 2, (int)(u * (_arms.Length - 1)));
        return pick >= assigned ? pick + 1 : pick;
    }

    /// <summary>Complete randomisation: each arm gets its share of the units (largest remainders, at least one each when there are enough), in a random order.</summary>
    private static int[] Allocate(int units, double[] shares, SeededRandom random)
    {
        var total = shares.Sum();
        var counts = shares.Select(s => (int)Math.Floor(units * s / total)).ToArray();
        var byRemainder = Enumerable.Range(0, shares.Length).OrderByDescending(i => (units * shares[i] / total) - counts[i]).ThenBy(i => i).ToList();
        for (var k = 0; counts.Sum() < units; k++)
        {
            counts[byRemainder[k % byRemainder.Count]]++;
        }

        var arms = counts.SelectMany((count, arm) => Enumerable.Repeat(arm, count)).ToArray();
        Shuffle(arms, random);
        return arms;
    }

    private static void Shuffle(int[] items, SeededRandom random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Math.Min(i, (int)(random.NextDouble() * (i + 1)));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var running = 0.0;
        return [.. weights.Select(w => running += w / total)];
    }

    private static int Index(double[] cumulative, double u)
    {
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
