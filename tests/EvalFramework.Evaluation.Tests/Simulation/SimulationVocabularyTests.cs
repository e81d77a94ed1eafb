using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Evaluation.Tests.Simulation;

/// <summary>
/// The simulated services send only values of the pilot's closed vocabulary: a value the config does not list becomes
/// its first one; with an empty list an optional field is left out and an event that needs it is not simulated.
/// </summary>
public sealed class SimulationVocabularyTests
{
    /// <summary>
    /// The fingerprint of the demo pilot's first 35 days (seed 1, from 2025-01-06). The shipped config lists exactly what
    /// the built-in demo sends, so both give these events; it changes only when the demo's simulation is changed on
    /// purpose (last: outcomes with rejections, staff answering as persons, and a review share and consistency effect
    /// that give the demo's consistency goal about 80 % power).
    /// </summary>
    private const string DemoFingerprint = "8c2211cd77baa5150e6dc4c925c7f800368cba53f7d7b2c738402648f154fce0";

    /// <summary>A vocabulary that lists some of the simulator's own values and replaces the rest.</summary>
    private static readonly SimulationPilot Replacing = SimulationPilot.Demo with
    {
        Channels = ["email-form", "phone"],
        EscalationReasons = ["complex"],
        IntegrationSystems = ["crm"],
        IntegrationFailureKinds = ["error", "timeout"],
        MaintenanceKinds = ["training", "prompt-update"],
        Teams = ["permits", "socialtjanst"],
    };

    [Fact]
    public void Events_DemoPilotOfTheShippedConfig_SameEventsAsBefore()
    {
        var loaded = ConfigFiles.Load(RepoRoot.ShippedConfig, new Dictionary<string, string>());
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        var shipped = SimulationPilot.FromConfig(loaded.Config!.FindPilot("demo")!);

        var fromConfig = new PilotSimulator(Simulations.Demo(days: 35) with { Pilot = shipped });
        var builtIn = new PilotSimulator(Simulations.Demo(days: 35));

        Assert.Equal(DemoFingerprint, Fingerprint(fromConfig.Events()));
        Assert.Equal(DemoFingerprint, Fingerprint(builtIn.Events()));
        Assert.Empty(fromConfig.Notes);
    }

    [Fact]
    public void Events_ValuesTheVocabularyDoesNotList_ReplacedByItsFirstOnes()
    {
        var events = Simulations.Events(Simulations.Demo(days: 35) with { Pilot = Replacing });

        var channels = events.OfType<SimulatedCaseStart>().Select(s => s.Case.Channel).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["email-form", "phone"], channels);
        var escalations = events.OfType<SimulatedEscalation>().ToList();
        Assert.NotEmpty(escalations);
        Assert.All(escalations, e => Assert.Equal("complex", e.Reason));
        var failures = events.OfType<SimulatedIntegrationFailure>().ToList();
        Assert.Equal(["crm"], failures.Select(f => f.System).Distinct());
        Assert.Equal(["error", "timeout"], failures.Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal));
        var maintenance = events.OfType<SimulatedMaintenance>().ToList();
        Assert.Equal(["prompt-update", "training"], maintenance.Select(m => m.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.All(maintenance.Where(m => m.Arm == "manual"), m => Assert.Equal("training", m.Kind));
        Assert.Equal(["permits", "socialtjanst"], events.OfType<SimulatedStaffSurvey>().Select(s => s.Team).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Events_ReplacedValues_ChangeNoOtherDraw()
    {
        var demo = Simulations.Events(Simulations.Demo(days: 35));
        var replaced = Simulations.Events(Simulations.Demo(days: 35) with { Pilot = Replacing });

        static IEnumerable<string> Cases(IEnumerable<SimulatedEvent> events) => events.OfType<SimulatedCaseEvent>()
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Time.UtcTicks} {e.GetType().Name} {e.Case.Reference} {e.Case.Arm}"));
        Assert.Equal(Cases(demo), Cases(replaced));
    }

    [Fact]
    public void Events_VocabularyWithoutLists_OptionalFieldsLeftOutAndEventsThatNeedThemNotSimulated()
    {
        var bare = SimulationPilot.Demo with
        {
            Channels = [], EscalationReasons = [], IntegrationSystems = [], IntegrationFailureKinds = [], MaintenanceKinds = [], Teams = [],
        };
        var simulator = new PilotSimulator(Simulations.Demo(days: 35) with { Pilot = bare });
        var events = simulator.Events().ToList();

        Assert.All(events.OfType<SimulatedCaseStart>(), s => Assert.Null(s.Case.Channel));
        Assert.NotEmpty(events.OfType<SimulatedEscalation>());
        Assert.All(events.OfType<SimulatedEscalation>(), e => Assert.Null(e.Reason));
        Assert.Empty(events.OfType<SimulatedIntegrationFailure>());
        Assert.Empty(events.OfType<SimulatedMaintenance>());
        Assert.Empty(events.OfType<SimulatedStaffSurvey>());
        Assert.NotEmpty(events.OfType<SimulatedCaseCompletion>());
        Assert.Equal(
        [
            "case.started is sent without a channel (pilot 'demo' lists no channels)",
            "case.escalated is sent without a reason (pilot 'demo' lists no escalationReasons)",
            "no integration.failure is simulated (pilot 'demo' lists no integrationSystems)",
            "no integration.failure is simulated (pilot 'demo' lists no integrationFailureKinds)",
            "no pilot.maintenance is simulated (pilot 'demo' lists no maintenanceKinds)",
            "no survey.staff is simulated (pilot 'demo' lists no teams)",
        ], simulator.Notes);
    }

    /// <summary>SHA-256 over every event's time in ticks and its record text, culture-invariant.</summary>
    private static string Fingerprint(IEnumerable<SimulatedEvent> events)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var text = string.Join("\n", events.Select(e => e.Time.UtcTicks.ToString(CultureInfo.InvariantCulture) + " " + e));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
