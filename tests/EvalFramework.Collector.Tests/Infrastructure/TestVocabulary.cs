namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// The evaluation config test collectors run with (<see cref="CollectorFactory"/>): pilots <c>pilot-a</c> and
/// <c>pilot-b</c>, <c>caseIds: any</c>, and the closed vocabulary tests may send. A value outside it is refused.
/// </summary>
public static class TestVocabulary
{
    public static readonly string[] CaseTypes = ["building-permit-question", "direct-procurement-advice", "social-services-documentation"];

    public static readonly string[] Arms = ["manual", "ai_assisted", "ai_automated"];

    public static readonly string[] StaffRoles = ["handler", "kommunvagledare", "handlaggare", "socialsekreterare"];

    public static readonly string[] AiModels = ["gpt-4o-mini", "mistral-small-3.1", "llama-3.3-70b"];

    public static readonly string[] Channels = ["phone", "e-service", "email-form"];

    public static readonly string[] EscalationReasons = ["needs-decision", "complex"];

    public static readonly string[] IntegrationSystems = ["case-register"];

    public static readonly string[] IntegrationFailureKinds = ["timeout", "error"];

    public static readonly string[] MaintenanceKinds = ["prompt-update", "model-update", "training", "knowledge-base-update"];

    public static readonly string[] Teams = ["permits", "procurement", "social"];

    public static readonly string[] AttributeKeys = ["channel-detail", "office", "language"];

    /// <summary>The config's YAML: both pilots have the same vocabulary, prices and costs.</summary>
    public static string Yaml { get; } = "pilots:\n" + Pilot(CollectorFactory.PilotA) + Pilot(CollectorFactory.PilotB);

    private static string Pilot(string slug) => $"""
          - slug: {slug}
            displayName: Test pilot {slug}
            caseTypes: [{string.Join(", ", CaseTypes)}]
            arms:
              - name: manual
                share: 0.5
              - name: ai_assisted
                share: 0.25
              - name: ai_automated
                share: 0.25
            baselineArm: manual
            staffRoles:
              handler:
                hourlyCostSek: 600
              kommunvagledare:
                hourlyCostSek: 520
              handlaggare:
                hourlyCostSek: 650
              socialsekreterare:
                hourlyCostSek: 630
            aiModels:
              gpt-4o-mini:
                inputPerMillionSek: 1.6
                outputPerMillionSek: 6.3
                activeParamsBillions: 8
              mistral-small-3.1:
                inputPerMillionSek: 1.05
                outputPerMillionSek: 3.15
                activeParamsBillions: 24
              llama-3.3-70b:
                inputPerMillionSek: 6.3
                outputPerMillionSek: 6.3
                activeParamsBillions: 70
            maintenance:
              hourlyCostSek: 750
              oneOffKinds: [training]
            channels: [{string.Join(", ", Channels)}]
            escalationReasons: [{string.Join(", ", EscalationReasons)}]
            integrationSystems: [{string.Join(", ", IntegrationSystems)}]
            integrationFailureKinds: [{string.Join(", ", IntegrationFailureKinds)}]
            maintenanceKinds: [{string.Join(", ", MaintenanceKinds)}]
            teams: [{string.Join(", ", Teams)}]
            caseIds: any
            attributeKeys: [{string.Join(", ", AttributeKeys)}]

        """;
}
