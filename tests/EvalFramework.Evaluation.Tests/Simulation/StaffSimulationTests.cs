using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Evaluation.Tests.Simulation;

/// <summary>
/// The simulated staff are persons: each team member answers under the same respondent every week, and one person's
/// answers are correlated (half of them are the person's own level), while an arm's answers keep the arm's distribution.
/// </summary>
public sealed class StaffSimulationTests
{
    private static readonly List<SimulatedStaffSurvey> Answers =
        [.. Simulations.Events(Simulations.Demo(days: 182)).OfType<SimulatedStaffSurvey>()];

    [Fact]
    public void Events_Demo_EachTeamAndArmHasItsMembersAsStableRespondents()
    {
        // The demo's three profiles have 10, 4 and 8 members per arm: 22 persons per arm over 26 weeks.
        foreach (var arm in Answers.Select(a => a.Arm).Distinct())
        {
            var persons = Answers.Where(a => a.Arm == arm).Select(a => a.Respondent).Distinct().Count();
            Assert.Equal(22, persons);
        }

        Assert.All(Answers.GroupBy(a => a.Respondent), person => Assert.Single(person.Select(a => (a.Team, a.Arm)).Distinct()));
    }

    [Fact]
    public void Events_Demo_AnswersOfOnePersonAreCorrelated()
    {
        // One-way ANOVA estimate of the intraclass correlation over persons: (MSB − MSW) / (MSB + (n̄ − 1)·MSW). The
        // simulator answers the person's own level in half of the answers, so two answers of a person share it with
        // chance ¼: the true correlation is ¼ (a little more here, as the arms' means differ); without a person effect
        // it would be near 0.
        var persons = Answers.GroupBy(a => a.Respondent).Select(g => g.Select(a => (double)a.Wellbeing).ToList()).ToList();
        var all = persons.SelectMany(p => p).ToList();
        var grand = all.Average();
        var between = persons.Sum(p => p.Count * Math.Pow(p.Average() - grand, 2)) / (persons.Count - 1);
        var within = persons.Sum(p => p.Sum(x => Math.Pow(x - p.Average(), 2))) / (all.Count - persons.Count);
        var meanSize = (double)all.Count / persons.Count;

        var icc = (between - within) / (between + ((meanSize - 1) * within));

        Assert.InRange(icc, 0.1, 0.45);
    }
}
