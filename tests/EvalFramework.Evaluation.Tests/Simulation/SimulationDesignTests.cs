using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Simulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Simulation;

/// <summary>The simulator's designs: who gets which arm, what the case records of it, and the units' effects.</summary>
public sealed class SimulationDesignTests
{
    private static readonly SimulationPilot Pilot = SimulationPilot.Demo with
    {
        Teams = [.. Enumerable.Range(1, 16).Select(i => string.Create(CultureInfo.InvariantCulture, $"team-{i:00}"))],
    };

    private static List<SimulatedCase> Cases(SimulationDesign? design, double days = 30, long seed = 1) =>
        [.. new PilotSimulator(Simulations.Demo(days: days, seed: seed) with { Pilot = Pilot, Design = design }).Events().OfType<SimulatedCaseStart>().Select(s => s.Case)];

    [Fact]
    public void CaseDesign_SameEventsAsWithoutDesign_PlusTheAssignment()
    {
        var without = Simulations.Events(Simulations.Demo(days: 20) with { Pilot = Pilot });
        var with = Simulations.Events(Simulations.Demo(days: 20) with { Pilot = Pilot, Design = new SimulationDesign() });

        Assert.Equal(without.Count, with.Count);
        Assert.All(with.OfType<SimulatedCaseStart>(), s => Assert.Equal(new SimulatedAssignment(AssignmentUnits.Case, s.Case.Reference, s.Case.Arm), s.Case.Assignment));
        Assert.Equal(without, with.Select(e => e is SimulatedCaseEvent c ? c with { Case = c.Case with { Assignment = null } } : e));
        Assert.All(without.OfType<SimulatedCaseStart>(), s => Assert.Null(s.Case.Assignment));
    }

    [Fact]
    public void TeamDesign_EachTeamInOneArm_HalfTheTeamsEach()
    {
        var cases = Cases(new SimulationDesign { Unit = AssignmentUnits.Team, Teams = 16 });

        var teams = cases.GroupBy(c => c.Team!).ToList();
        Assert.Equal(16, teams.Count);
        Assert.All(teams, t => Assert.Single(t.Select(c => c.Arm).Distinct()));
        Assert.All(cases, c => Assert.Equal(new SimulatedAssignment(AssignmentUnits.Team, c.Team!, c.Arm), c.Assignment));
        Assert.Equal(8, teams.Count(t => t.First().Arm == "ai_assisted"));
    }

    [Fact]
    public void HandlerDesign_KeysAreTeamAndHandler_EachHandlerInOneArm()
    {
        var cases = Cases(new SimulationDesign { Unit = AssignmentUnits.Handler, Teams = 4, HandlersPerTeam = 3 });

        var handlers = cases.GroupBy(c => c.Assignment!.UnitKey).ToList();
        Assert.Equal(12, handlers.Count);
        Assert.All(handlers, h => Assert.Matches("^team-0[1-4]/h[1-3]$", h.Key));
        Assert.All(handlers, h => Assert.Single(h.Select(c => c.Arm).Distinct()));
        Assert.Equal(6, handlers.Count(h => h.First().Arm == "ai_assisted"));
    }

    [Fact]
    public void PeriodDesign_WeeklyPairsInRandomOrder_KeyedByIsoWeek()
    {
        var cases = Cases(new SimulationDesign { Unit = AssignmentUnits.Period }, days: 56);

        var weeks = cases.GroupBy(c => c.Assignment!.UnitKey).OrderBy(w => w.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(8, weeks.Count);
        Assert.Equal("2025-W02", weeks[0].Key);
        Assert.All(weeks, w => Assert.Single(w.Select(c => c.Arm).Distinct()));
        Assert.All(weeks, w => Assert.All(w, c => Assert.Equal(w.Key, string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(c.Started.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(c.Started.UtcDateTime):00}"))));
        for (var pair = 0; pair < 4; pair++)
        {
            Assert.NotEqual(weeks[2 * pair].First().Arm, weeks[(2 * pair) + 1].First().Arm);
        }
    }

    [Fact]
    public void NonCompliance_ShareOfCasesInTheOtherArm()
    {
        var cases = Cases(new SimulationDesign { Unit = AssignmentUnits.Team, Teams = 16, NonCompliance = 0.1 }, days: 60);

        Simulations.AssertShare(0.1, cases.Count(c => c.Arm != c.Assignment!.AssignedArm), cases.Count, "non-compliance");
        Assert.All(cases, c => Assert.Equal(c.Team, c.Assignment!.UnitKey));
    }

    [Fact]
    public void BeforeAfterWithoutControl_BaselineBeforeAiStartAfter_NoAssignment()
    {
        var aiStart = Simulations.Start.AddDays(14);
        var cases = Cases(new SimulationDesign { AiStart = aiStart, ConcurrentControl = false });

        Assert.All(cases, c => Assert.Equal(c.Started < aiStart ? "manual" : "ai_assisted", c.Arm));
        Assert.All(cases, c => Assert.Null(c.Assignment));
        Assert.Contains(cases, c => c.Started < aiStart);
        Assert.Contains(cases, c => c.Started >= aiStart);
    }

    [Fact]
    public void TeamsWithAiStart_BeforeEveryTeamManual_AfterByTeam()
    {
        var aiStart = Simulations.Start.AddDays(14);
        var cases = Cases(new SimulationDesign { Unit = AssignmentUnits.Team, Teams = 8, AiStart = aiStart });

        Assert.All(cases.Where(c => c.Started < aiStart), c => Assert.Equal(("manual", "manual"), (c.Arm, c.Assignment!.AssignedArm)));
        var after = cases.Where(c => c.Started >= aiStart).GroupBy(c => c.Team).ToList();
        Assert.Equal(4, after.Count(t => t.All(c => c.Arm == "ai_assisted")));
        Assert.Equal(4, after.Count(t => t.All(c => c.Arm == "manual")));
    }

    [Theory]
    [InlineData(AssignmentUnits.Team, 17, 0.0, 0.0, "design.teams")]
    [InlineData(AssignmentUnits.Team, 3, 0.0, 0.0, "design.teams")]
    [InlineData(AssignmentUnits.Case, 0, 1.0, 0.0, "design.icc")]
    [InlineData(AssignmentUnits.Case, 0, 0.0, 0.6, "design.nonCompliance")]
    [InlineData("school", 0, 0.0, 0.0, "design.unit")]
    public void Validate_BadDesign_NamesTheKey(string unit, int teams, double icc, double nonCompliance, string key)
    {
        var errors = PilotSimulator.Validate(Simulations.Demo() with
        {
            Pilot = Pilot,
            Design = new SimulationDesign { Unit = unit, Teams = teams, Icc = icc, NonCompliance = nonCompliance },
        });

        Assert.Contains(errors, e => e.Key == key);
    }

    /// <summary>
    /// 400 units of 60 cases: the ANOVA ICC of log-normal efforts (median 360 s, σ 0.6; Searle's one-way estimator on
    /// the values themselves) is the ICC asked for, 0.1, and their mean is still the log-normal's, 360·e^0.18 = 431.0.
    /// </summary>
    [Fact]
    public void UnitEffects_LogNormal_IccOfTheValuesAsAsked()
    {
        var effects = new UnitEffects(seed: 3, caseType: 0, icc: 0.1);
        var random = new SeededRandom(11);
        var units = Enumerable.Range(0, 400).Select(u => Enumerable.Range(0, 60).Select(_ => effects.LogNormal(random, u, UnitEffects.Effort, 360, 0.6)).ToArray()).ToList();

        Assert.InRange(AnovaIcc(units), 0.08, 0.12);
        Assert.InRange(units.SelectMany(u => u).Average(), 431.0 * 0.97, 431.0 * 1.03);
    }

    /// <summary>4,000 units: the units' own chances average p = 0.82 and vary by ICC·p(1 − p) (ICC 0.05), the beta's moments.</summary>
    [Fact]
    public void UnitEffects_Chance_MeanAndIccAsAsked()
    {
        var effects = new UnitEffects(seed: 3, caseType: 0, icc: 0.05);
        var chances = Enumerable.Range(0, 4000).Select(u => effects.Chance(u, UnitEffects.Consistent, 0.82)).ToList();

        var mean = chances.Average();
        var variance = chances.Sum(c => (c - mean) * (c - mean)) / (chances.Count - 1);
        Assert.InRange(mean, 0.815, 0.825);
        Assert.InRange(variance / (0.82 * 0.18), 0.045, 0.055);
        Assert.Equal(0.82, new UnitEffects(3, 0, 0).Chance(5, UnitEffects.Consistent, 0.82));
    }

    /// <summary>One-way ANOVA ICC for equal groups: (MSB − MSW) / (MSB + (n − 1) MSW).</summary>
    private static double AnovaIcc(List<double[]> groups)
    {
        var n = groups[0].Length;
        var grand = groups.SelectMany(g => g).Average();
        var msb = groups.Sum(g => n * Math.Pow(g.Average() - grand, 2)) / (groups.Count - 1);
        var msw = groups.Sum(g => g.Sum(x => Math.Pow(x - g.Average(), 2))) / (groups.Count * (n - 1));
        return (msb - msw) / (msb + ((n - 1) * msw));
    }
}
