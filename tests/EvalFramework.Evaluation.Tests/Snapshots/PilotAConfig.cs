using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// A config of the test vocabulary (pilot-a) for snapshot tests. Some test values are left out on purpose, so tests can
/// send values outside the vocabulary: case type social-services-documentation, arm ai_automated, team social, role
/// socialsekreterare and model llama-3.3-70b.
/// </summary>
internal static class PilotAConfig
{
    public const string Pilot = "pilot-a";

    public const string Yaml = """
        confidenceLevel: 0.95
        kAnonymity: 5
        pilots:
          - slug: pilot-a
            displayName: Pilot A
            caseTypes: [building-permit-question, direct-procurement-advice]
            arms:
              - name: manual
                share: 0.5
              - name: ai_assisted
                share: 0.5
            baselineArm: manual
            staffRoles:
              handlaggare:
                hourlyCostSek: 600
              kommunvagledare:
                hourlyCostSek: 500
            aiModels:
              gpt-4o-mini:
                inputPerMillionSek: 2
                outputPerMillionSek: 8
                activeParamsBillions: 8
              mistral-small-3.1:
                inputPerMillionSek: 1
                outputPerMillionSek: 3
                activeParamsBillions: 24
            maintenance:
              hourlyCostSek: 800
            teams: [permits, procurement]
            caseIds: any
        """;

    public static EvaluationConfig Load() => TestConfig.Load(Yaml);
}
