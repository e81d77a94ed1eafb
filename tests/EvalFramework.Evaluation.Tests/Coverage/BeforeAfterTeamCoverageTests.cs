using System.Globalization;
using EvalFramework.Evaluation.Snapshots;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// Simulated before/after pilots by team (seeded): 8 teams stay manual and 8 get the AI from <c>design.aiStart</c>;
/// effort has a seasonal trend, a lasting team effect and a team × period effect (intraclass correlation about 0.05
/// within a team's period). The difference in differences by team must cover the AI's effect in 95 % ± 2 % of the
/// pilots; the same data analysed case by case (cells taken as independent cases) is shown to under-cover.
/// </summary>
public sealed class BeforeAfterTeamCoverageTests(ITestOutputHelper output)
{
    private const int Pilots = 1000;
    private const int TeamsPerGroup = 8;
    private const int CasesPerTeamPeriod = 25;
    private const double AiEffect = -60;
    private const double TeamSd = 60;
    private const double TeamPeriodSd = 27;
    private const double NoiseSd = 120;

    private static readonly DateTimeOffset From = BeforeAfterPilots.From;
    private static readonly string[] Teams = [.. Enumerable.Range(0, 2 * TeamsPerGroup).Select(t => "team-" + t.ToString("D2", CultureInfo.InvariantCulture))];

    private static readonly EvalFramework.Evaluation.Configuration.EvaluationConfig ByTeam = TestConfig.Load(TestConfig.Valid + $"""

                teams: [{string.Join(", ", Teams)}]
                design:
                  unit: team
                  aiStart: 2025-03-31

            """);

    private static readonly EvalFramework.Evaluation.Configuration.EvaluationConfig ByCase = TestConfig.Load(TestConfig.Valid + """

                design:
                  aiStart: 2025-03-31

            """);

    [Fact]
    public void DifferenceInDifferencesByTeam_TeamPeriodEffects_CoveredIn95PercentAndCaseLevelUnderCovers()
    {
        var random = new Random(17_005);
        var byTeam = 0;
        var byCase = 0;
        for (var pilot = 0; pilot < Pilots; pilot++)
        {
            var rows = Pilot(random);
            byTeam += Covers(BeforeAfterPilots.Effort(rows, ByTeam)) ? 1 : 0;
            byCase += Covers(BeforeAfterPilots.Effort(rows, ByCase)) ? 1 : 0;
        }

        double team = (double)byTeam / Pilots, cases = (double)byCase / Pilots;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"difference in differences by team: covered in {byTeam} of {Pilots} ({team:P1}); the same data case by case: {byCase} of {Pilots} ({cases:P1})"));
        Assert.InRange(team, 0.93, 0.97);
        Assert.True(cases < 0.90, $"the case-level difference in differences should under-cover with team × period effects; covered {cases:P1}");
    }

    private static bool Covers(ComparisonResult c) => c.CiLow <= AiEffect && AiEffect <= c.CiHigh;

    private static List<(int Day, string Team, string Assigned, bool After, double Effort)> Pilot(Random random)
    {
        var rows = new List<(int, string, string, bool, double)>(Teams.Length * 2 * CasesPerTeamPeriod);
        for (var t = 0; t < Teams.Length; t++)
        {
            var assigned = t < TeamsPerGroup ? "manual" : "ai_assisted";
            var teamEffect = TeamSd * random.Normal();
            foreach (var after in new[] { false, true })
            {
                var periodEffect = TeamPeriodSd * random.Normal();
                for (var i = 0; i < CasesPerTeamPeriod; i++)
                {
                    var day = (after ? 28 : 0) + random.Next(28);
                    var effect = after && assigned == "ai_assisted" ? AiEffect : 0;
                    rows.Add((day, Teams[t], assigned, after, 600 + (1.5 * day) + teamEffect + periodEffect + effect + (NoiseSd * random.Normal())));
                }
            }
        }

        return rows;
    }
}
