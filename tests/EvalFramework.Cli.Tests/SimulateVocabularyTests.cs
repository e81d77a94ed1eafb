using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using EvalFramework.Cli.Commands;

namespace EvalFramework.Cli.Tests;

/// <summary>
/// <c>evalctl simulate</c> against a collector whose demo pilot has a narrower vocabulary than the simulator's profiles
/// use: every event is accepted (values it does not list become its first ones), and what it leaves out is said.
/// </summary>
[Collection(CollectorCommandsCollection.Name)]
public sealed class SimulateVocabularyTests : IClassFixture<SimulateVocabularyTests.NarrowVocabularyCollector>
{
    private readonly NarrowVocabularyCollector _collector;

    public SimulateVocabularyTests(NarrowVocabularyCollector collector) => _collector = collector;

    [Fact]
    public async Task Simulate_PilotWithANarrowVocabulary_EveryEventStoredAndWhatIsLeftOutSaid()
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();

        var code = EvalCtl.Run(["simulate", "--collector", _collector.Address.ToString(), "--config", _collector.Config, "--days", "14", "--start", "2025-02-03"],
            @out, err, new Dictionary<string, string> { [CollectorRequests.KeyVariable] = _collector.Key });

        Assert.True(code == 0, err.ToString());
        Assert.Matches("sent [1-9][0-9]*, rejected 0, dropped 0", @out.ToString());
        Assert.Contains("evalctl simulate: no survey.staff is simulated (pilot 'demo' lists no teams)", err.ToString(), StringComparison.Ordinal);
        Assert.Contains("evalctl simulate: no pilot.maintenance is simulated (pilot 'demo' lists no maintenanceKinds)", err.ToString(), StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = _collector.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.Key);
        var cases = JsonNode.Parse(await http.GetStringAsync("/api/v1/cases?pilot=demo&limit=200"))!["items"]!.AsArray();
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.Contains((string?)c!["channel"], new[] { "phone", "e-service" }));
    }

    /// <summary>The collector with the shipped config whose demo pilot lists fewer channels, reasons, systems and kinds, and no teams or maintenance kinds.</summary>
    public sealed class NarrowVocabularyCollector : KestrelCollector
    {
        public NarrowVocabularyCollector()
            : this(WriteConfig())
        {
        }

        private NarrowVocabularyCollector(string config)
            : base(config) => Config = config;

        /// <summary>The config's path, for <c>evalctl simulate --config</c>.</summary>
        public string Config { get; }

        private static string WriteConfig()
        {
            var yaml = File.ReadAllText(RepoRoot.ShippedConfig);
            foreach (var (from, to) in new[]
            {
                ("channels: [phone, e-service, email, visit, meeting, home-visit]", "channels: [phone, e-service]"),
                ("escalationReasons: [needs-case-officer, low-confidence, citizen-request]", "escalationReasons: [complex]"),
                ("integrationSystems: [case-register, e-service-platform, procurement-system, journal-system]", "integrationSystems: [case-register]"),
                ("integrationFailureKinds: [timeout, server-error, unavailable]", "integrationFailureKinds: [error]"),
                ("maintenanceKinds: [knowledge-base-update, prompt-update, model-update, staff-training]", ""),
                ("oneOffKinds: [staff-training]", "oneOffKinds: []"), // one-off kinds must be among the maintenance kinds
                ("teams: [kontaktcenter, upphandling, socialtjanst]", ""),
            })
            {
                Assert.Contains(from, yaml, StringComparison.Ordinal);
                yaml = yaml.Replace(from, to, StringComparison.Ordinal);
            }

            var path = Path.Combine(Directory.CreateTempSubdirectory("evalctl-vocabulary-").FullName, "evaluation.yaml");
            File.WriteAllText(path, yaml);
            return path;
        }
    }
}
