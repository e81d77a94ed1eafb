using System.Globalization;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Simulation;

/// <summary>
/// The team effects on shares as the simulator makes them, end to end: over many seeds of the 16-team design (ICC
/// 0.05, everyone compliant), the one-way ANOVA ICC of the 0/1 outcomes within each arm's teams (wrong and consistent answers
/// among reviewed cases, escalations among the AI arm's completed cases) is the ICC asked for, not more. The documented model
/// (docs/methods.md, "Simulated designs"; Beta(p(1/ICC − 1), (1 − p)(1/ICC − 1)) per team) gives for p = 0.05 a team
/// SD of √(ICC·p(1 − p)) = 4.9 points and a 99th percentile of 22 % (SciPy: beta.ppf(0.99, 0.95, 18.05) = 0.2205).
/// </summary>
public sealed class TeamEffectsIccTests(ITestOutputHelper output)
{
    private const int Seeds = 40;
    private const double Icc = 0.05;

    [Fact]
    public void TeamDesign_IccOfErrorAndEscalationByTeam_AsConfigured()
    {
        var wrong = new List<double>();
        var consistent = new List<double>();
        var escalated = new List<double>();
        var teamsAbove19 = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var cases = TeamPilots.Cases(seed, Icc, 0);
            foreach (var arm in cases.GroupBy(c => c.Case.Arm))
            {
                var reviewed = arm.Where(c => c.Reviews > 0).GroupBy(c => c.Case.Team!).Select(t => t.Select(c => c.ReviewFailed ? 1.0 : 0.0).ToArray()).ToList();
                wrong.Add(AnovaIcc(reviewed));
                consistent.Add(AnovaIcc([.. arm.Where(c => c.Consistent is not null).GroupBy(c => c.Case.Team!).Select(t => t.Select(c => c.Consistent == true ? 1.0 : 0.0).ToArray())]));
                if (arm.Key != "manual")
                {
                    // The manual arm never escalates (chance 0: no team effect).
                    escalated.Add(AnovaIcc([.. arm.Where(c => c.Completed is not null).GroupBy(c => c.Case.Team!).Select(t => t.Select(c => c.Escalated ? 1.0 : 0.0).ToArray())]));
                }

                teamsAbove19 += reviewed.Count(t => t.Average() >= 0.19);
            }
        }

        double Mean(List<double> v) => v.Average();
        double Se(List<double> v) => Math.Sqrt(v.Sum(x => Math.Pow(x - Mean(v), 2)) / (v.Count - 1) / v.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Seeds} pilots × 2 arms of 8 teams: ICC of wrong answers {Mean(wrong):F4} ± {Se(wrong):F4}, of consistent answers {Mean(consistent):F4} ± {Se(consistent):F4}, of escalations (AI arm) {Mean(escalated):F4} ± {Se(escalated):F4} (asked {Icc}); teams with an observed error rate of 19 % or more: {teamsAbove19} of {Seeds * TeamPilots.Teams}"));
        Assert.InRange(Mean(wrong), Icc - (3 * Se(wrong)) - 0.005, Icc + (3 * Se(wrong)) + 0.005);
        Assert.InRange(Mean(consistent), Icc - (3 * Se(consistent)) - 0.005, Icc + (3 * Se(consistent)) + 0.005);
        Assert.InRange(Mean(escalated), Icc - (3 * Se(escalated)) - 0.005, Icc + (3 * Se(escalated)) + 0.005);
    }

    /// <summary>One-way ANOVA ICC for unequal groups: (MSB − MSW) / (MSB + (n₀ − 1) MSW), n₀ = (N − Σnᵢ²/N)/(k − 1).</summary>
    internal static double AnovaIcc(List<double[]> groups)
    {
        var k = groups.Count;
        var total = groups.Sum(g => g.Length);
        var grand = groups.SelectMany(g => g).Average();
        var msb = groups.Sum(g => g.Length * Math.Pow(g.Average() - grand, 2)) / (k - 1);
        var msw = groups.Sum(g => g.Sum(x => Math.Pow(x - g.Average(), 2))) / (total - k);
        var n0 = (total - (groups.Sum(g => (double)g.Length * g.Length) / total)) / (k - 1);
        return (msb - msw) / (msb + ((n0 - 1) * msw));
    }
}
