using EvalFramework.Contract;
using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Evaluation.Tests.Simulation;

public sealed class PilotSimulatorTests
{
    private const string Permits = "building-permit-question";
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Fact]
    public void Events_SameSeedTwice_IdenticalSequence()
    {
        var first = Simulations.Events(Simulations.Demo(days: 30, seed: 7));
        var second = Simulations.Events(Simulations.Demo(days: 30, seed: 7));

        Assert.True(first.Count > 5_000, $"only {first.Count} events");
        Assert.Equal(first, second);
    }

    [Fact]
    public void Events_EnumeratedTwice_SameSequence()
    {
        var simulator = new PilotSimulator(Simulations.Demo(days: 10));

        Assert.Equal(simulator.Events().ToList(), simulator.Events().ToList());
    }

    [Fact]
    public void Events_DifferentSeed_DifferentSequence()
    {
        var first = Simulations.Events(Simulations.Demo(days: 10, seed: 1));
        var second = Simulations.Events(Simulations.Demo(days: 10, seed: 2));

        Assert.NotEqual(first.Select(e => e.Time), second.Select(e => e.Time));
        Assert.NotEqual(first.OfType<SimulatedCaseStart>().Select(s => s.Case.Arm), second.OfType<SimulatedCaseStart>().Select(s => s.Case.Arm));
    }

    [Fact]
    public void Events_Always_InTimeOrderInsideThePeriodInWholeMilliseconds()
    {
        var settings = Simulations.Demo(days: 30);
        var events = Simulations.Events(settings);

        Assert.All(events, e => Assert.InRange(e.Time, settings.Start, settings.End.AddTicks(-1)));
        Assert.All(events, e => Assert.Equal(0, e.Time.UtcTicks % TimeSpan.TicksPerMillisecond));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Time <= p.Second.Time), "events out of order");
    }

    [Fact]
    public void Events_EveryCaseEvent_AtOrAfterItsCaseStartAndStartFirst()
    {
        var events = Simulations.Events(Simulations.Demo(days: 20));
        var started = new HashSet<string>(StringComparer.Ordinal);

        foreach (var e in events.OfType<SimulatedCaseEvent>())
        {
            if (e is SimulatedCaseStart)
            {
                Assert.True(started.Add(e.Case.Reference), "started twice: " + e.Case.Reference);
                continue;
            }

            Assert.Contains(e.Case.Reference, started);
            Assert.True(e.Time >= e.Case.Started, $"{e.GetType().Name} before its case started");
        }
    }

    [Fact]
    public void Events_BuildingPermitQuestions_ArriveOnWeekdaysInOfficeHoursStockholmTime()
    {
        var starts = Simulations.Events(Simulations.Demo(days: 120)).OfType<SimulatedCaseStart>().Where(s => s.Case.CaseType == Permits).ToList();

        Assert.True(starts.Count > 2_000, $"only {starts.Count} permit questions");
        foreach (var start in starts)
        {
            var local = TimeZoneInfo.ConvertTime(start.Time, Stockholm);
            Assert.True(local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{local} is a weekend");
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(16.5));
        }

        // The lunch dip halves the rate from 12 to 13: about half of an ordinary hour's arrivals.
        var lunch = starts.Count(s => TimeZoneInfo.ConvertTime(s.Time, Stockholm).Hour == 12);
        var ten = starts.Count(s => TimeZoneInfo.ConvertTime(s.Time, Stockholm).Hour == 10);
        Assert.InRange((double)lunch / ten, 0.35, 0.65);
    }

    [Fact]
    public void Events_SocialServicesWithWeekendWeight_SomeWeekendArrivals()
    {
        var starts = Simulations.Events(Simulations.Demo(days: 120)).OfType<SimulatedCaseStart>()
            .Where(s => s.Case.CaseType == "social-services-documentation").ToList();

        var weekend = starts.Count(s => TimeZoneInfo.ConvertTime(s.Time, Stockholm).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        // Weekend weight 0.03: expected share 2·0.03 / (5 + 2·0.03) ≈ 1.2 %.
        Simulations.AssertShare(2 * 0.03 / 5.06, weekend, starts.Count, "weekend share");
    }

    [Fact]
    public void Events_BuildingPermitQuestionsOverAYear_VolumeAndSpringPeak()
    {
        var settings = Simulations.Demo(days: 365, start: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)) with
        {
            Pilot = SimulationPilot.Demo with { CaseTypes = [Permits] },
        };
        var starts = new PilotSimulator(settings).Events().OfType<SimulatedCaseStart>().ToList();
        double PerWeekday(int month)
        {
            var weekdays = Enumerable.Range(1, DateTime.DaysInMonth(2025, month))
                .Count(d => new DateTime(2025, month, d, 0, 0, 0, DateTimeKind.Unspecified).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            return (double)starts.Count(s => TimeZoneInfo.ConvertTime(s.Time, Stockholm).Month == month) / weekdays;
        }

        // 10,000 a year: Poisson, sd 100.
        Assert.InRange(starts.Count, 9_600, 10_400);
        Assert.True(PerWeekday(5) > 1.4 * PerWeekday(11), $"May {PerWeekday(5):F1}/day, November {PerWeekday(11):F1}/day: no spring peak");
        Assert.True(PerWeekday(7) < 0.85 * PerWeekday(11), $"July {PerWeekday(7):F1}/day, November {PerWeekday(11):F1}/day: no summer dip");
    }

    [Fact]
    public void Events_Arms_AllocatedByTheConfiguredShares()
    {
        var pilot = SimulationPilot.Demo with { Arms = [new("manual", 0.7), new("ai_assisted", 0.3)] };
        var starts = new PilotSimulator(Simulations.Demo(days: 60) with { Pilot = pilot }).Events().OfType<SimulatedCaseStart>().ToList();

        Simulations.AssertShare(0.3, starts.Count(s => s.Case.Arm == "ai_assisted"), starts.Count, "ai_assisted share");
    }

    [Fact]
    public void Events_CitizenSurveys_RespondAtTheProfileRate()
    {
        var settings = Simulations.Demo(days: 90);
        var cases = SimulatedCases.From(Simulations.Events(settings)).Values
            .Where(c => c.Case.CaseType == Permits && c.Completed < settings.End.AddDays(-5)).ToList();

        Simulations.AssertShare(CaseTypeProfiles.BuildingPermitQuestion.SurveyResponseRate, cases.Count(c => c.Csat is not null), cases.Count, "survey response");
        Assert.InRange(CaseTypeProfiles.BuildingPermitQuestion.SurveyResponseRate, 0.15, 0.25);
    }

    [Fact]
    public void Events_NoEffects_BaselineRatesInEveryArm()
    {
        var settings = Simulations.Demo(days: 120, effects: SimulationEffects.None);
        var profile = CaseTypeProfiles.BuildingPermitQuestion;
        var cases = SimulatedCases.From(Simulations.Events(settings)).Values
            .Where(c => c.Case.CaseType == Permits && c.Completed < settings.End.AddDays(-30)).ToList();
        var reviewed = cases.Where(c => c.Reviews > 0).ToList();

        Simulations.AssertShare(profile.ReviewShare, reviewed.Count, cases.Count, "review share");
        Simulations.AssertShare(profile.ErrorRate, reviewed.Count(c => c.ReviewFailed || c.Errors > 0), reviewed.Count, "error rate");
        Simulations.AssertShare(profile.ConsistencyRate, reviewed.Count(c => c.Consistent == true), reviewed.Count, "consistency");
        Simulations.AssertShare(profile.IntegrationFailureRate, cases.Count(c => c.IntegrationFailed), cases.Count, "integration failures");
        Assert.DoesNotContain(cases, c => c.Escalated);
        Assert.All(cases.Where(c => c.Case.Arm == "manual"), c => Assert.Equal(0, c.AiCalls));
        Assert.All(cases.Where(c => c.Case.Arm == "ai_assisted"), c => Assert.True(c.AiCalls >= 1));

        // Log-normal effort: mean = median · exp(σ²/2), in both arms alike.
        var meanEffort = profile.EffortMedianSeconds * Math.Exp(profile.EffortSigma * profile.EffortSigma / 2);
        Simulations.AssertMean(meanEffort, [.. cases.Where(c => c.Case.Arm == "manual").Select(c => c.Effort)], "manual effort");
        Simulations.AssertMean(meanEffort, [.. cases.Where(c => c.Case.Arm == "ai_assisted").Select(c => c.Effort)], "ai effort");
    }

    [Fact]
    public void Events_WithEffects_EachArmShowsItsTrueEffect()
    {
        var effects = SimulationEffects.Parse("""
            ai_assisted:
              effort_seconds_mean: -25%
              error_rate: +0.03
              lead_time_seconds_median: -20%
              escalation_rate: +0.1
              csat_mean: +0.4
            """, "effects.yaml").Effects;
        var settings = Simulations.Demo(days: 120, effects: effects);
        var profile = CaseTypeProfiles.BuildingPermitQuestion;
        var ai = SimulatedCases.From(Simulations.Events(settings)).Values
            .Where(c => c.Case.CaseType == Permits && c.Case.Arm == "ai_assisted" && c.Completed < settings.End.AddDays(-30)).ToList();
        var reviewed = ai.Where(c => c.Reviews > 0).ToList();
        var leadTimes = ai.Select(c => (c.Completed!.Value - c.Case.Started).TotalSeconds).Order().ToList();

        Simulations.AssertMean(0.75 * profile.EffortMedianSeconds * Math.Exp(profile.EffortSigma * profile.EffortSigma / 2), [.. ai.Select(c => c.Effort)], "effort");
        Simulations.AssertShare(profile.ErrorRate + 0.03, reviewed.Count(c => c.ReviewFailed || c.Errors > 0), reviewed.Count, "error rate");
        Simulations.AssertShare(0.1, ai.Count(c => c.Escalated), ai.Count, "escalations");
        Simulations.AssertMean(profile.CsatWeights.Select((w, i) => w * (i + 1)).Sum() / profile.CsatWeights.Sum() + 0.4,
            [.. ai.Where(c => c.Csat is not null).Select(c => (double)c.Csat!.Value)], "csat");

        // The median of the log-normal lead time is scaled by 0.8; the sample median's sd is about 1.25·σ·median/√n.
        var median = leadTimes[leadTimes.Count / 2];
        var expected = 0.8 * profile.LeadTimeMedianSeconds;
        Assert.InRange(median, expected * (1 - (5 * profile.LeadTimeSigma / Math.Sqrt(leadTimes.Count))), expected * (1 + (5 * profile.LeadTimeSigma / Math.Sqrt(leadTimes.Count))));
    }

    [Fact]
    public void Events_PilotWithAnAutomatedArm_DefaultEffectsEscalateAndCutEffortPerArm()
    {
        var pilot = SimulationPilot.Demo with { Arms = [new("manual", 0.4), new("ai_assisted", 0.3), new("ai_automated", 0.3)] };
        var settings = Simulations.Demo(days: 120) with { Pilot = pilot };
        var profile = CaseTypeProfiles.BuildingPermitQuestion;
        var cases = SimulatedCases.From(Simulations.Events(settings)).Values
            .Where(c => c.Case.CaseType == Permits && c.Completed < settings.End.AddDays(-30)).ToList();
        List<SimulatedCases.Summary> Arm(string arm) => [.. cases.Where(c => c.Case.Arm == arm)];
        var meanEffort = profile.EffortMedianSeconds * Math.Exp(profile.EffortSigma * profile.EffortSigma / 2);

        Simulations.AssertShare(0.06, Arm("ai_assisted").Count(c => c.Escalated), Arm("ai_assisted").Count, "ai_assisted escalations");
        Simulations.AssertShare(0.18, Arm("ai_automated").Count(c => c.Escalated), Arm("ai_automated").Count, "ai_automated escalations");
        Simulations.AssertMean(0.75 * meanEffort, [.. Arm("ai_assisted").Select(c => c.Effort)], "ai_assisted effort");
        Simulations.AssertMean(0.30 * meanEffort, [.. Arm("ai_automated").Select(c => c.Effort)], "ai_automated effort");
        Assert.All(Arm("ai_automated"), c => Assert.True(c.AiCalls >= 1));
    }

    [Fact]
    public void Events_WeeklyActivities_StaffSurveysPerTeamAndArmAndMaintenance()
    {
        var events = Simulations.Events(Simulations.Demo(days: 28));
        var surveys = events.OfType<SimulatedStaffSurvey>().ToList();
        var maintenance = events.OfType<SimulatedMaintenance>().ToList();

        Assert.Equal(["kontaktcenter", "socialtjanst", "upphandling"], surveys.Select(s => s.Team).Distinct().Order(StringComparer.Ordinal));
        Assert.All(surveys, s => Assert.Equal(DayOfWeek.Friday, TimeZoneInfo.ConvertTime(s.Time, Stockholm).DayOfWeek));

        // Four Fridays, 10 contact-centre staff per arm answering with 70 %.
        Simulations.AssertShare(0.7, surveys.Count(s => s.Team == "kontaktcenter" && s.Arm == "manual"), 40, "staff survey response");
        Assert.Equal(4, maintenance.Count(m => m.Kind == "prompt-update" && m.Arm == "ai_assisted"));
        Assert.Single(maintenance, m => m.Kind == "staff-training");
        Assert.DoesNotContain(maintenance, m => m.Arm == "manual" && m.Kind != "knowledge-base-update");
    }

    [Fact]
    public void Events_DefaultEffects_AiCasesAbandonedMoreAndSomeRejectedInEveryArm()
    {
        var settings = Simulations.Demo(days: 120);
        var profile = CaseTypeProfiles.BuildingPermitQuestion;
        var closed = SimulatedCases.From(Simulations.Events(settings)).Values
            .Where(c => c.Case.CaseType == Permits && c.Completed is not null).ToList();
        var manual = closed.Where(c => c.Case.Arm == "manual").ToList();
        var ai = closed.Where(c => c.Case.Arm == "ai_assisted").ToList();

        // The default effects add 2 points of abandoned cases to ai_assisted; rejections are the profile's in both arms.
        Simulations.AssertShare(profile.AbandonedShare, manual.Count(c => c.Outcome == CaseOutcomes.Abandoned), manual.Count, "manual abandoned");
        Simulations.AssertShare(profile.AbandonedShare + 0.02, ai.Count(c => c.Outcome == CaseOutcomes.Abandoned), ai.Count, "ai_assisted abandoned");
        Simulations.AssertShare(profile.RejectedShare, manual.Count(c => c.Outcome == CaseOutcomes.Rejected), manual.Count, "manual rejected");
        Simulations.AssertShare(profile.RejectedShare, ai.Count(c => c.Outcome == CaseOutcomes.Rejected), ai.Count, "ai_assisted rejected");
        Assert.InRange(profile.AbandonedShare + profile.RejectedShare, 0.01, 0.05);
    }

    [Fact]
    public void Events_CompletedCases_OutcomesAndValuesWithinTheContract()
    {
        var events = Simulations.Events(Simulations.Demo(days: 30));

        Assert.All(events.OfType<SimulatedCaseCompletion>(), c => Assert.Contains(c.Outcome, new[] { CaseOutcomes.Resolved, CaseOutcomes.Abandoned, CaseOutcomes.Rejected }));
        Assert.All(events.OfType<SimulatedEffort>(), e => Assert.InRange(e.Seconds, double.Epsilon, 86_400));
        Assert.All(events.OfType<SimulatedCitizenSurvey>(), s => Assert.InRange(s.Csat, 1, 5));
        Assert.All(events.OfType<SimulatedCitizenSurvey>().Where(s => s.Nps is not null), s => Assert.InRange(s.Nps!.Value, 0, 10));
        Assert.All(events.OfType<SimulatedError>(), e => Assert.Contains(e.Source, ErrorSources.All));
        Assert.All(events.OfType<SimulatedAiUsage>(), u => Assert.Contains(u.Model, SimulationPilot.Demo.AiModels));
        Assert.All(events.OfType<SimulatedEffort>(), e => Assert.Contains(e.Role, SimulationPilot.Demo.StaffRoles));
    }

    [Fact]
    public void Events_CasesOpenAtTheEnd_StayOpen()
    {
        var settings = Simulations.Demo(days: 20);
        var cases = SimulatedCases.From(Simulations.Events(settings)).Values.ToList();

        // Procurement advice takes days: cases opened late in the period are often not done at its end.
        var open = cases.Where(c => c.Completed is null).ToList();
        var lastDays = cases.Where(c => c.Case.Started > settings.End.AddDays(-2) && c.Case.CaseType == "direct-procurement-advice").ToList();
        var firstDays = cases.Where(c => c.Case.Started < settings.Start.AddDays(5)).ToList();
        Assert.True(lastDays.Count(c => c.Completed is null) > lastDays.Count / 2, "late procurement cases were all completed");
        Assert.True(firstDays.Count(c => c.Completed is null) < 0.02 * firstDays.Count, "early cases stayed open");
        Assert.NotEmpty(open);
    }
}
