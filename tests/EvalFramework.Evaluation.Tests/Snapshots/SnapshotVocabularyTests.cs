using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// Nothing a client sent reaches a snapshot unless it is in the pilot's vocabulary (snapshots are immutable, so a
/// value in one could never be erased), and no snapshot carries a file path of the server.
/// </summary>
public sealed class SnapshotVocabularyTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static SnapshotEngine Engine(EvaluationConfig? config, string pilot = PilotAConfig.Pilot) =>
        new(new SnapshotRequest("snap-vocabulary", pilot, Monday, Monday.AddDays(14), Monday.AddDays(30), config));

    /// <summary>Adds cases in ascending id order: each (case type, arm, count) with ids that sort in the order given.</summary>
    private static void AddCases(SnapshotEngine engine, params (string CaseType, string Arm, int Count, Action<CaseRow>? Shape)[] groups)
    {
        var row = new CaseRow();
        var n = 0;
        foreach (var (caseType, arm, count, shape) in groups)
        {
            for (var i = 0; i < count; i++, n++)
            {
                row.Clear();
                row.CaseId = "case-" + n.ToString("D5", CultureInfo.InvariantCulture);
                row.CaseType = caseType;
                row.Arm = arm;
                row.StartedMs = Monday.AddHours(n).ToUnixTimeMilliseconds();
                row.CompletedMs = row.StartedMs + 600_000;
                row.Outcome = CaseOutcomes.Resolved;
                row.EffortSeconds = 200 + i;
                row.EffortByRole.Add(new RoleEffort("handlaggare", row.EffortSeconds));
                shape?.Invoke(row);
                engine.AddCase(row);
            }
        }
    }

    private static string Text(byte[] json) => Encoding.UTF8.GetString(json);

    private static JsonArray Warnings(byte[] json) => JsonNode.Parse(json)!["dataQuality"]!["warnings"]!.AsArray();

    [Fact]
    public void Compute_CaseTypeOrArmOutsideTheVocabulary_CasesLeftOutCountedAndNeverNamed()
    {
        using var engine = Engine(PilotAConfig.Load());
        AddCases(engine,
            ("building-permit-question", "ai_assisted", 5, null),
            ("building-permit-question", "ai_automated", 2, null),
            ("building-permit-question", "manual", 5, null),
            ("social-services-documentation", "manual", 3, null));

        var json = engine.ComputeJson();
        var snapshot = JsonNode.Parse(json)!;

        Assert.DoesNotContain("ai_automated", Text(json), StringComparison.Ordinal);
        Assert.DoesNotContain("social-services-documentation", Text(json), StringComparison.Ordinal);
        Assert.Equal("building-permit-question", (string)snapshot["caseTypes"]!.AsArray().Single()!["caseType"]!);
        Assert.Equal(10, (long)snapshot["dataQuality"]!["casesInPeriod"]!);
        Assert.Contains(Warnings(json), w => ((string)w!).StartsWith("5 case(s) have a case type or arm that is not in the pilot's config", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_RoleAndModelOutsideTheVocabulary_CostNullAndWarningsCountWithoutNaming()
    {
        using var engine = Engine(PilotAConfig.Load());
        AddCases(engine,
            ("building-permit-question", "ai_assisted", 5, r => r.AiUsage.Add(new ModelUsage("llama-3.3-70b", 1000, 100, 0, 0, 0))),
            ("building-permit-question", "manual", 5, r => r.EffortByRole.Add(new RoleEffort("socialsekreterare", 60))));

        var json = engine.ComputeJson();

        Assert.DoesNotContain("llama-3.3-70b", Text(json), StringComparison.Ordinal);
        Assert.DoesNotContain("socialsekreterare", Text(json), StringComparison.Ordinal);
        Assert.Contains(Warnings(json), w => ((string)w!).StartsWith("1 staff role(s) in the data have no hourly cost in the pilot's staffRoles", StringComparison.Ordinal));
        Assert.Contains(Warnings(json), w => ((string)w!).StartsWith("1 AI model(s) in the data have no price and size in the pilot's aiModels", StringComparison.Ordinal));
        var manual = JsonNode.Parse(json)!["caseTypes"]![0]!["arms"]!.AsArray().Single(a => (string)a!["arm"]! == "manual")!;
        Assert.Null(manual["metrics"]!["cost_per_case_sek"]!["value"]);
    }

    [Fact]
    public void Compute_ConfigReadFromAFile_NoFilePathInTheSnapshot()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "evalfw-config-" + Guid.NewGuid().ToString("N")));
        try
        {
            var path = Path.Combine(folder.FullName, "evaluation.yaml");
            File.WriteAllText(path, PilotAConfig.Yaml);
            var loaded = ConfigFiles.Load(path);
            Assert.True(loaded.IsValid, string.Join('\n', loaded.Errors));
            using var engine = Engine(loaded.Config);
            AddCases(engine,
                ("building-permit-question", "ai_assisted", 3, r => r.AiUsage.Add(new ModelUsage("llama-3.3-70b", 1000, 100, 0, 0, 0))),
                ("building-permit-question", "manual", 3, r => r.EffortByRole.Add(new RoleEffort("socialsekreterare", 60))));

            var json = Text(engine.ComputeJson());

            Assert.DoesNotContain(folder.Name, json, StringComparison.Ordinal);
            Assert.DoesNotContain("evaluation.yaml", json, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar), json, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Compute_StaffAnswersOfATeamOrArmOutsideTheVocabulary_LeftOutAndCounted()
    {
        using var engine = Engine(PilotAConfig.Load());
        AddCases(engine, ("building-permit-question", "ai_assisted", 3, null), ("building-permit-question", "manual", 3, null));
        var friday = Monday.AddDays(4).AddHours(14);
        for (var i = 0; i < 6; i++)
        {
            var person = new string((char)('a' + i), 64);
            engine.AddStaffSurvey(friday.AddMinutes(i), friday.AddMinutes(i), "permits", "manual", person, 4);
            engine.AddStaffSurvey(friday.AddMinutes(i), friday.AddMinutes(i), "social", "manual", person, 1);
            engine.AddStaffSurvey(friday.AddMinutes(i), friday.AddMinutes(i), "permits", "ai_automated", person, 1);
        }

        var json = engine.ComputeJson();

        var manual = JsonNode.Parse(json)!["caseTypes"]![0]!["arms"]!.AsArray().Single(a => (string)a!["arm"]! == "manual")!["metrics"]!["staff_wellbeing_mean"]!;
        Assert.Equal(4, (double)manual["value"]!);
        Assert.Equal(6, (long)manual["n"]!);
        Assert.DoesNotContain("ai_automated", Text(json), StringComparison.Ordinal);
        Assert.Contains(Warnings(json), w => ((string)w!).StartsWith("12 staff-survey answer(s) name a team or arm that is not in the pilot's config", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_MaintenanceOfAnArmOutsideTheVocabulary_LeftOut()
    {
        using var engine = Engine(PilotAConfig.Load());
        AddCases(engine, ("building-permit-question", "manual", 3, null));
        engine.AddMaintenance(Monday.AddHours(3), 2, "ai_assisted", null);
        engine.AddMaintenance(Monday.AddHours(4), 5, "ai_automated", null);

        var json = engine.ComputeJson();

        var total = JsonNode.Parse(json)!["pilotMetrics"]!.AsArray().First(m => (string)m!["metric"]! == "maintenance_hours" && m["arm"] is null)!;
        Assert.Equal(2, (double)total["value"]!);
        Assert.Contains(Warnings(json), w => ((string)w!).StartsWith("1 maintenance event(s) name an arm that is not in the pilot's config", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_NoConfig_NoVocabularySoNothingFromTheData()
    {
        using var engine = Engine(null);
        AddCases(engine, ("building-permit-question", "manual", 4, null));

        var json = engine.ComputeJson();

        Assert.DoesNotContain("building-permit-question", Text(json), StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(json)!["caseTypes"]!.AsArray());
        Assert.Contains(Warnings(json), w => ((string)w!).StartsWith("4 case(s) have a case type or arm that is not in the pilot's config", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_PilotNotInTheConfig_NothingFromTheData()
    {
        using var engine = Engine(PilotAConfig.Load(), pilot: "pilot-b");
        AddCases(engine, ("building-permit-question", "manual", 4, null));

        var json = engine.ComputeJson();

        Assert.Empty(JsonNode.Parse(json)!["caseTypes"]!.AsArray());
        Assert.Equal(0, (long)JsonNode.Parse(json)!["dataQuality"]!["casesInPeriod"]!);
    }

    [Fact]
    public void AddCase_LeftOutCaseIdsNotAscending_StillThrows()
    {
        using var engine = Engine(PilotAConfig.Load());
        var row = new CaseRow { CaseId = "b", CaseType = "social-services-documentation", Arm = "manual" };
        engine.AddCase(row);
        row.CaseId = "a";

        Assert.Throws<ArgumentException>(() => engine.AddCase(row));
    }
}
