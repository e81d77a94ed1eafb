using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalFramework.Cli.Tests;

/// <summary><c>evalctl plan</c> (power and weeks needed) with the shipped config; no collector is needed.</summary>
public sealed partial class PlanPowerCommandTests
{
    private static readonly string[] Permits = ["--pilot", "demo", "--case-type", "building-permit-question"];

    private static (int Code, string Out, string Err) Run(params string[] args) => RunWith(RepoRoot.ShippedConfig, args);

    private static (int Code, string Out, string Err) RunWith(string config, params string[] args)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(["plan", .. args, "--config", config], @out, err, new Dictionary<string, string>());
        return (code, @out.ToString(), err.ToString());
    }

    /// <summary>The shipped config with <paramref name="oldText"/> (which must occur once) replaced, in a temporary file.</summary>
    private static string ShippedWith(string oldText, string newText)
    {
        var yaml = File.ReadAllText(RepoRoot.ShippedConfig).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(2, yaml.Split(oldText).Length);
        var path = Path.Combine(Path.GetTempPath(), "evalctl-plan-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml.Replace(oldText, newText, StringComparison.Ordinal));
        return path;
    }

    /// <summary>The shipped config with a planned end for the demo pilot.</summary>
    private static string WithPlannedEnd() => ShippedWith("    baselineArm: manual ", "    design:\n      plannedEnd: 2027-06-30\n    baselineArm: manual ");

    [GeneratedRegex(@"(\d+) weeks: predicted ([\d.]+) %, simulated ([\d.]+) %")]
    private static partial Regex CheckLine();

    [GeneratedRegex(@"(\d+) weeks at Holm's worst-case α ([\d.]+): predicted ([\d.]+) %, simulated ([\d.]+) % ± ([\d.]+) % \(standard error\)")]
    private static partial Regex HolmCheckLine();

    /// <summary>
    /// The demo's building-permit questions (10,000 a year, 30 % reviewed), consistency +10 %: 10 weeks (Python/scipy's
    /// search over the pooled-z power formula gives 10 weeks, 81.28 %; 8 weeks 72.10 %); the simulation agrees within 5 points.
    /// </summary>
    [Fact]
    public void Plan_DemoConsistencyTenPercent_TenWeeksAndTheSimulationAgrees()
    {
        var (code, output, err) = Run("--pilot", "demo", "--case-type", "building-permit-question", "--metric", "consistency_rate", "--change", "10%", "--weeks-available", "8");

        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Contains("needed: 10 weeks", output, StringComparison.Ordinal);
        Assert.Contains("power 81.3 %", output, StringComparison.Ordinal);
        Assert.Contains("at the 8 weeks available: power 72.1 %", output, StringComparison.Ordinal);
        Assert.Contains("test: two-sided at α 0.05 (the analysis plan's alpha); power wanted 80 %", output, StringComparison.Ordinal);
        var checks = CheckLine().Matches(output);
        Assert.Equal(2, checks.Count);
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("check by simulation", StringComparison.Ordinal) && l.TrimEnd('\r').EndsWith("(standard error)", StringComparison.Ordinal)));
        foreach (Match check in checks)
        {
            var predicted = double.Parse(check.Groups[2].Value, CultureInfo.InvariantCulture);
            var simulated = double.Parse(check.Groups[3].Value, CultureInfo.InvariantCulture);
            Assert.InRange(simulated - predicted, -5, 5);
        }
    }

    /// <summary>
    /// 10 % of each arm's cases handled in the other arm: the difference by assigned arm is 0.8 · 0.082 = 0.0656, and the
    /// pooled-z power (scipy) is 77.70 % at 15 weeks, 80.28 % at 16.
    /// </summary>
    [Fact]
    public void Plan_NonCompliance_DilutesTheChangeAndNeedsMoreWeeks()
    {
        var (code, output, _) = Run("--pilot", "demo", "--case-type", "building-permit-question", "--metric", "consistency_rate", "--change", "10%",
            "--non-compliance", "0.1", "--simulations", "200");

        Assert.Equal(0, code);
        Assert.Contains("change +0.0656 (+8 %)", output, StringComparison.Ordinal);
        Assert.Contains("needed: 16 weeks", output, StringComparison.Ordinal);
        Assert.Contains("power 80.3 %", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FewTeams_SaysTheChangeCannotBeReachedAndWhy()
    {
        var (code, output, _) = Run("--pilot", "demo", "--case-type", "building-permit-question", "--metric", "consistency_rate", "--change", "10%",
            "--design", "team", "--teams", "16", "--icc", "0.05", "--simulations", "200");

        Assert.Equal(0, code);
        Assert.Contains("can never exceed 43.7 %", output, StringComparison.Ordinal);
        Assert.Contains("more teams help, more weeks do not", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_StatedAssumptionsOfAnotherCaseType_UsesThem()
    {
        var (code, output, _) = Run("--pilot", "demo", "--case-type", "social-services-documentation", "--metric", "csat_mean", "--change", "0.2",
            "--baseline", "3.8", "--sd", "1", "--cases-per-week", "100", "--measured-share", "0.2", "--simulations", "200");

        // 20 answers a week; Welch power with sd 1 and δ 0.2 (scipy.stats.t, shifted t): 39 weeks 79.66 %, 40 weeks 80.65 %.
        Assert.Equal(0, code);
        Assert.Contains("needed: 40 weeks", output, StringComparison.Ordinal);
        Assert.Contains("assumptions given", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// History from a stored snapshot (the methodology-1 demo fixture, 5 weeks): manual effort mean 431.23 s with the
    /// 95 % interval [404.41, 458.05] over 445 cases, so sd = half-width / t(444) · √445 = 287.849 (scipy.stats.t);
    /// 884 cases in 5 weeks, 176.8 a week.
    /// </summary>
    [Fact]
    public void Plan_FromASnapshot_UsesItsBaselineSpreadAndVolume()
    {
        var fixture = Path.Combine(RepoRoot.Path, "tests", "Fixtures", "snapshot-methodology-1-demo.json");

        var (code, output, err) = Run("--pilot", "demo", "--case-type", "building-permit-question", "--metric", "effort_seconds_mean", "--change", "-10%",
            "--snapshot", fixture, "--simulations", "200");

        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Contains("baseline 431.2, sd 287.8; change -43.12 (-10 %)", output, StringComparison.Ordinal);
        Assert.Contains("volume: 176.8 cases a week, 176.8 observations (cases) a week", output, StringComparison.Ordinal);
        Assert.Contains("from: snapshot snap-demo (2025-01-06 to 2025-02-10, 5 weeks)", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A snapshot of a team design (the fixture with a <c>design</c> section: 8 + 8 teams, consistency ICC 0.05): a team
    /// plan takes its ICC and team count from it, and with them the ceiling of 16 teams at ICC 0.05 and CV 0.4 for
    /// the fixture's consistency 0.8621 → +10 %.
    /// </summary>
    [Fact]
    public void Plan_FromAClusteredSnapshot_TakesItsIccAndTeams()
    {
        var fixture = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "Fixtures", "snapshot-methodology-1-demo.json")))!;
        fixture["design"] = System.Text.Json.Nodes.JsonNode.Parse("""
            {"unit": "team", "analysis": "cluster_robust", "minUnitsPerArm": 4, "unitsPerArm": {"manual": 8, "ai_assisted": 8},
             "icc": [{"caseType": "building-permit-question", "metric": "consistency_rate", "value": 0.05}], "casesWithoutUnit": 0}
            """);
        var path = Path.GetTempFileName();
        File.WriteAllText(path, fixture.ToJsonString());
        try
        {
            var (code, output, err) = Run("--pilot", "demo", "--case-type", "building-permit-question", "--metric", "consistency_rate", "--change", "10%",
                "--snapshot", path, "--design", "team", "--simulations", "200");

            Assert.True(code == 0, err);
            Assert.Contains("design: team (16 teams over the arms), ICC 0.05, CV of team sizes 0.4", output, StringComparison.Ordinal);
            Assert.Contains("its ICC estimate 0.05 by team", output, StringComparison.Ordinal);
            Assert.Contains("can never exceed", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plan_SnapshotThatIsNotOne_ExitsOneNamingTheFile()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"not\": \"a snapshot\"}");
        try
        {
            var (code, output, err) = Run("--pilot", "demo", "--case-type", "building-permit-question", "--metric", "consistency_rate", "--change", "10%", "--snapshot", path);

            Assert.Equal(1, code);
            Assert.Empty(output);
            Assert.Contains("--snapshot: cannot read " + path, err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--design team --teams 16", "--icc")]
    [InlineData("--design team --icc 0.05", "--teams")]
    [InlineData("--change ten", "--change")]
    [InlineData("--metric nps", "--metric")]
    [InlineData("--case-type parking", "--case-type")]
    [InlineData("--non-compliance 0.5", "--non-compliance")]
    [InlineData("--sd lots", "--sd must be a number")]
    [InlineData("--icc 0.05 --teams 16", "--icc, --teams: not used by a case design (pilot 'demo' sets no design")]
    [InlineData("--size-cv 0.3", "--size-cv: not used by a case design")]
    [InlineData("--design case --handlers 40", "--handlers: not used by a case design (--design case)")]
    [InlineData("--design period --teams 16 --icc 0.05", "--teams: not used by a period design (--design period): --teams goes with --design team")]
    [InlineData("--design team --teams 16 --icc 0.05 --period-days 7", "--period-days: not used by a team design")]
    [InlineData("--design handler --handlers 40 --teams 8 --icc 0.05", "--teams: not used by a handler design")]
    [InlineData("--design school", "--design must be one of")]
    public void Plan_BadArguments_UsageErrorNamingTheOption(string extra, string named)
    {
        var args = new List<string> { "--pilot", "demo", "--case-type", "building-permit-question", "--metric", "consistency_rate", "--change", "10%" };
        var pairs = extra.Split(' ');
        for (var i = 0; i < pairs.Length; i += 2)
        {
            var at = args.IndexOf(pairs[i]);
            if (at >= 0)
            {
                args[at + 1] = pairs[i + 1];
            }
            else
            {
                args.AddRange([pairs[i], pairs[i + 1]]);
            }
        }

        var (code, output, err) = Run([.. args]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(named, err, StringComparison.Ordinal);
    }

    /// <summary>
    /// Consistency for building permits is one of the shipped plan's 7 primary comparisons (Holm). Its worst case is
    /// Holm's first step, α 0.05/7: the pooled-z power formula (Python's statistics.NormalDist, as in PowerPlannerTests)
    /// gives 56.07 % at 10 weeks, 44.06 % at 8, 78.70 % at 15 and 81.88 % at 16 weeks; the simulation agrees within 5 points.
    /// </summary>
    [Fact]
    public void Plan_PrimaryInAHolmFamilyOfSeven_AlsoGivesTheWorstCaseAtAlphaOverSeven()
    {
        var (code, output, err) = Run([.. Permits, "--metric", "consistency_rate", "--change", "10%", "--weeks-available", "8"]);

        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Contains("primary: one of the plan's 7 primary comparisons, adjusted together by Holm", output, StringComparison.Ordinal);
        Assert.Contains(
            "worst case under Holm (none of the 6 other primary comparisons shows a clear difference), tested at α 0.05/7 = 0.007143: "
            + "power 56.1 % at 10 weeks, 44.1 % at the 8 weeks available; 80 % needs 16 weeks, about 3067 cases", output, StringComparison.Ordinal);
        var holm = HolmCheckLine().Match(output);
        Assert.True(holm.Success, output);
        Assert.Equal("16", holm.Groups[1].Value);
        Assert.InRange(double.Parse(holm.Groups[4].Value, CultureInfo.InvariantCulture) - double.Parse(holm.Groups[3].Value, CultureInfo.InvariantCulture), -5, 5);
    }

    [Fact]
    public void Plan_OnlyPrimaryComparison_NoHolmWorstCase()
    {
        var config = ShippedWith("        - metric: effort_seconds_mean       # human handlers freed\n        - metric: cost_per_case_sek         # lower cost\n", "");
        try
        {
            var (code, output, err) = RunWith(config, [.. Permits, "--metric", "consistency_rate", "--change", "10%", "--simulations", "200"]);

            Assert.True(code == 0, err);
            Assert.Contains("primary: the plan's only primary comparison (no Holm adjustment)", output, StringComparison.Ordinal);
            Assert.Contains("needed: 10 weeks", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Holm's worst-case", output, StringComparison.Ordinal);
            Assert.DoesNotContain("worst case under Holm", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    /// <summary>
    /// With design.plannedEnd the final analysis tests primary comparisons at 0.8 α = 0.04 (docs/methods.md, "Safe daily
    /// looks"): pooled-z power 78.63 % at 10 weeks, 82.47 % at 11; Holm's worst case 0.04/7: 58.64 % at 11 weeks, 79.86 %
    /// at 16, 82.85 % at 17. A secondary comparison stays at the plan's 0.05, and --alpha overrides.
    /// </summary>
    [Fact]
    public void Plan_PilotWithAPlannedEnd_PlansAtTheFinalAnalysissAlpha()
    {
        var config = WithPlannedEnd();
        try
        {
            var (code, output, err) = RunWith(config, [.. Permits, "--metric", "consistency_rate", "--change", "10%", "--simulations", "200"]);
            var secondary = RunWith(config, [.. Permits, "--metric", "lead_time_seconds_mean", "--change", "-10%", "--simulations", "200"]);
            var given = RunWith(config, [.. Permits, "--metric", "consistency_rate", "--change", "10%", "--alpha", "0.05", "--simulations", "200"]);

            Assert.True(code == 0, err);
            Assert.Contains(
                "test: two-sided at α 0.04 (the final analysis's: the plan's 0.05 less the 0.01 spent on the daily looks before the planned end 2027-06-30)",
                output, StringComparison.Ordinal);
            Assert.Contains("needed: 11 weeks", output, StringComparison.Ordinal);
            Assert.Contains("power 82.5 %", output, StringComparison.Ordinal);
            Assert.Contains("tested at α 0.04/7 = 0.005714: power 58.6 % at 11 weeks; 80 % needs 17 weeks", output, StringComparison.Ordinal);
            Assert.True(secondary.Code == 0, secondary.Err);
            Assert.Contains("test: two-sided at α 0.05 (the analysis plan's alpha)", secondary.Out, StringComparison.Ordinal);
            Assert.Contains("secondary (exploratory)", secondary.Out, StringComparison.Ordinal);
            Assert.True(given.Code == 0, given.Err);
            Assert.Contains("test: two-sided at α 0.05 (--alpha)", given.Out, StringComparison.Ordinal);
            Assert.Contains("needed: 10 weeks", given.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }
}
