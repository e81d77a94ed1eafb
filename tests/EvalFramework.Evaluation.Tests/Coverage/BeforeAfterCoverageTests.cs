using System.Globalization;
using EvalFramework.Evaluation.Snapshots;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// Simulated before/after pilots with a concurrent control under a seasonal trend (seeded, so every run is the same),
/// each made into a snapshot by the engine: one team is assigned the AI from <c>design.aiStart</c>, another stays
/// manual; effort per case rises with the season in both teams alike and the AI lowers it by a known amount. The
/// difference-in-differences 95 % interval must cover the AI's effect in 95 % ± 2 % of the pilots. The same data
/// without the control team (a plain before/after snapshot) mixes the season into the difference: its interval
/// is shown to under-cover.
/// </summary>
public sealed class BeforeAfterCoverageTests(ITestOutputHelper output)
{
    private const int Pilots = 1000;
    private const int CasesPerCell = 100;
    private const double BaseEffort = 600;
    private const double SeasonalRisePerDay = 1.5;
    private const double AiEffect = -60;
    private const double NoiseSd = 120;

    private static readonly DateTimeOffset From = BeforeAfterPilots.From;
    private static readonly DateTimeOffset AiStart = From.AddDays(28);

    private static readonly EvalFramework.Evaluation.Configuration.EvaluationConfig Config = TestConfig.Load(TestConfig.Valid + """

                design:
                  aiStart: 2025-03-31

            """);

    [Fact]
    public void DifferenceInDifferences_SeasonalTrend_CoveredIn95PercentAndBeforeAfterUnderCovers()
    {
        var random = new Random(17_004);
        var didCovered = 0;
        var naiveCovered = 0;
        for (var pilot = 0; pilot < Pilots; pilot++)
        {
            var rows = Pilot(random);
            didCovered += Covers(Effort(rows)) ? 1 : 0;
            naiveCovered += Covers(Effort(rows.Where(r => !(r.After && r.Assigned == "manual")).ToList())) ? 1 : 0;
        }

        double did = (double)didCovered / Pilots, naive = (double)naiveCovered / Pilots;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"difference in differences: covered in {didCovered} of {Pilots} ({did:P1}); before/after without the control: {naiveCovered} of {Pilots} ({naive:P1})"));
        Assert.InRange(did, 0.93, 0.97);
        Assert.True(naive < 0.80, $"the plain before/after interval should under-cover under a seasonal trend; covered {naive:P1}");
    }

    private static bool Covers(ComparisonResult c) => c.CiLow <= AiEffect && AiEffect <= c.CiHigh;

    /// <summary>One pilot's cases: control and treated team, before and after the AI's start, spread over 56 days.</summary>
    private static List<(int Day, bool After, string Assigned, double Effort)> Pilot(Random random)
    {
        var rows = new List<(int, bool, string, double)>(4 * CasesPerCell);
        foreach (var assigned in new[] { "manual", "ai_assisted" })
        {
            foreach (var after in new[] { false, true })
            {
                for (var i = 0; i < CasesPerCell; i++)
                {
                    var day = (after ? 28 : 0) + random.Next(28);
                    var effect = after && assigned == "ai_assisted" ? AiEffect : 0;
                    rows.Add((day, after, assigned, BaseEffort + (SeasonalRisePerDay * day) + effect + (NoiseSd * random.Normal())));
                }
            }
        }

        return rows;
    }

    /// <summary>The effort comparison of the cases: the control team is <c>team-b</c>, the treated one <c>team-a</c>.</summary>
    private static ComparisonResult Effort(List<(int Day, bool After, string Assigned, double Effort)> rows) =>
        BeforeAfterPilots.Effort([.. rows.Select(r => (r.Day, r.Assigned == "manual" ? "team-b" : "team-a", r.Assigned, r.After, r.Effort))], Config);
}
