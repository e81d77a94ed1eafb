using System.Text.RegularExpressions;
using EvalFramework.EndToEnd.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>docker-compose.yml parses and points only at files of this repository (no Docker engine needed).</summary>
public sealed class ComposeFileTests
{
    private static readonly string ComposePath = Path.Combine(RepositoryPaths.Root, "docker-compose.yml");

    private static readonly YamlMappingNode Compose = Load(ComposePath);

    private static YamlMappingNode Services => (YamlMappingNode)Compose["services"];

    /// <summary>The collector replicas: every service other than <c>collector</c> that runs the collector's image.</summary>
    private static List<string> Replicas =>
        NamesWhere(s => s.Children.ContainsKey("image") && Scalar(s, "image") == Scalar(Service("collector"), "image")).Where(n => n != "collector").ToList();

    [Fact]
    public void Compose_ServicesWithoutProfile_CollectorPrometheusAndGrafana()
    {
        Assert.Equal(["collector", "prometheus", "grafana"], NamesWhere(s => Sequence(s, "profiles").Count == 0));
    }

    [Fact]
    public void Compose_PostgresProfile_AddsPostgresTwoReplicasAndALoadBalancer()
    {
        var postgresProfile = NamesWhere(s => Sequence(s, "profiles").SequenceEqual(["postgres"]));

        Assert.Equal(["postgres", "collector-a", "collector-b", "collector-lb"], postgresProfile);
        Assert.Equal(["collector-a", "collector-b"], Replicas);
        Assert.Equal(3 + postgresProfile.Count, Services.Children.Count);
    }

    [Fact]
    public void Compose_Postgres_Version15WithNamedVolumeAndTcpHealthCheckAndNoPublishedPort()
    {
        var postgres = Service("postgres");
        var environment = Environment(postgres);
        var test = Sequence((YamlMappingNode)postgres["healthcheck"], "test");

        Assert.Equal("postgres:15", Scalar(postgres, "image"));
        Assert.Equal("evalframework", Scalar(environment, "POSTGRES_USER"));
        Assert.Equal("evalframework", Scalar(environment, "POSTGRES_DB"));
        Assert.Contains("postgres-data:/var/lib/postgresql/data", Sequence(postgres, "volumes"));
        Assert.True(((YamlMappingNode)Compose["volumes"]).Children.ContainsKey("postgres-data"));
        Assert.Equal(["CMD", "pg_isready"], test.Take(2));
        // Over TCP: during initialisation the image's temporary server listens on its socket only.
        Assert.Equal("127.0.0.1", test[test.IndexOf("-h") + 1]);
        Assert.Equal("evalframework", test[test.IndexOf("-U") + 1]);
        Assert.Empty(Sequence(postgres, "ports"));
    }

    [Theory]
    [InlineData("collector-a")]
    [InlineData("collector-b")]
    public void Compose_Replica_CollectorImageOnPostgresStartingOnceTheDatabaseIsHealthy(string name)
    {
        var replica = Service(name);
        var environment = Environment(replica);
        var postgres = Environment(Service("postgres"));
        var connection = Scalar(environment, "Storage__ConnectionString").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        var dependsOn = (YamlMappingNode)((YamlMappingNode)replica["depends_on"])["postgres"];
        var healthCheck = string.Join(' ', Sequence((YamlMappingNode)replica["healthcheck"], "test"));

        Assert.Equal(Scalar(Service("collector"), "image"), Scalar(replica, "image"));
        Assert.False(replica.Children.ContainsKey("build"), "the replicas run the image the collector service builds");
        Assert.Equal("postgres", Scalar(environment, "Storage__Provider"));
        Assert.Equal("postgres", connection["Host"]);
        Assert.Equal("5432", connection["Port"]);
        Assert.Equal(Scalar(postgres, "POSTGRES_DB"), connection["Database"]);
        Assert.Equal(Scalar(postgres, "POSTGRES_USER"), connection["Username"]);
        Assert.Equal(Scalar(postgres, "POSTGRES_PASSWORD"), connection["Password"]);
        Assert.Equal("service_healthy", Scalar(dependsOn, "condition"));
        Assert.Contains("/dev/tcp/127.0.0.1/8080", healthCheck, StringComparison.Ordinal);
        Assert.Contains("GET /readyz ", healthCheck, StringComparison.Ordinal);
        Assert.Equal(Scalar(Environment(Service("collector")), "Evaluation__ConfigPath"), Scalar(environment, "Evaluation__ConfigPath"));
        Assert.Equal(Scalar(Environment(Service("collector")), "Metrics__RequireKey"), Scalar(environment, "Metrics__RequireKey"));
    }

    [Fact]
    public void Compose_EveryService_HasAHealthcheckAndStartsOnceWhatItDependsOnIsHealthy()
    {
        foreach (var (key, value) in Services.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var service = (YamlMappingNode)value;
            Assert.True(service.Children.ContainsKey("healthcheck"), name + " has no healthcheck");
            Assert.NotEmpty(Sequence((YamlMappingNode)service["healthcheck"], "test"));
            if (service.Children.TryGetValue("depends_on", out var dependsOn))
            {
                // A list (`- collector`) would only wait for the container to start, not for it to be ready.
                var dependencies = Assert.IsType<YamlMappingNode>(dependsOn);
                Assert.All(dependencies.Children, d => Assert.Equal("service_healthy", Scalar((YamlMappingNode)d.Value, "condition")));
            }
        }

        Assert.Equal(["collector"], ((YamlMappingNode)Service("prometheus")["depends_on"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(["prometheus"], ((YamlMappingNode)Service("grafana")["depends_on"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void Compose_Replicas_NeverPullTheLocalImage()
    {
        Assert.Equal(["collector-a", "collector-b"], Replicas);
        Assert.All(Replicas, r => Assert.Equal("never", Scalar(Service(r), "pull_policy")));
    }

    [Fact]
    public void Compose_Collector_TheOneServiceThatBuildsTheLocalImageAndNeverPullsIt()
    {
        var collector = Service("collector");
        var builders = NamesWhere(s => s.Children.ContainsKey("build"));

        // Without a pull policy Compose first looks for a service's image in a registry, even with `build`.
        Assert.Equal(["collector"], builders);
        Assert.Equal("build", Scalar(collector, "pull_policy"));
        Assert.EndsWith(":local", Scalar(collector, "image"), StringComparison.Ordinal);
        Assert.Equal(".", Scalar((YamlMappingNode)collector["build"], "context"));
    }

    [Fact]
    public void Compose_PostgresProfile_DemoOnOneReplicaOnlyAndTheSqliteCollectorsDemoOffInItsStartCommand()
    {
        var demo = Replicas.Where(r => Scalar(Environment(Service(r)), "Demo__Enabled") != "false").ToList();
        var start = File.ReadLines(ComposePath).TakeWhile(l => l.StartsWith('#'))
            .Where(l => l.Contains("docker compose --profile postgres up", StringComparison.Ordinal)).ToList();

        Assert.Equal(["collector-a"], demo);
        // The replica's switch is not the SQLite collector's: DEMO_ENABLED=false in the start command turns off the
        // SQLite collector's demo only, so the dashboards (a sum over every collector scraped) count each demo event once.
        Assert.DoesNotContain("{DEMO_ENABLED", Scalar(Environment(Service("collector-a")), "Demo__Enabled"), StringComparison.Ordinal);
        Assert.Contains("DEMO_ENABLED", Scalar(Environment(Service("collector")), "Demo__Enabled"), StringComparison.Ordinal);
        Assert.Single(start);
        Assert.Contains("DEMO_ENABLED=false ", start[0], StringComparison.Ordinal);
        Assert.Contains("POSTGRES_PASSWORD=", start[0], StringComparison.Ordinal);
        Assert.Contains("GRAFANA_ADMIN_PASSWORD=", start[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_EveryPassword_AnEnvironmentVariableReferenceWithoutDefault()
    {
        var passwords = new List<(string Where, string Value)>();
        foreach (var (name, service) in Services.Children.Select(c => (((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value)))
        {
            if (!service.Children.ContainsKey("environment"))
            {
                continue;
            }

            foreach (var (key, value) in Environment(service).Children.Select(c => (((YamlScalarNode)c.Key).Value!, ((YamlScalarNode)c.Value).Value!)))
            {
                if (key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase))
                {
                    passwords.Add(($"{name}.{key}", value));
                }

                foreach (Match password in Regex.Matches(value, "Password=([^;]*)", RegexOptions.IgnoreCase))
                {
                    passwords.Add(($"{name}.{key} (Password=)", password.Groups[1].Value));
                }
            }
        }

        // ${VAR}, ${VAR:-} (empty), ${VAR:?message} or ${VAR?message}: never a value, never a default value.
        var literal = passwords.Where(p => !Regex.IsMatch(p.Value, @"^\$\{[A-Z][A-Z0-9_]*(:?\?[^}]*|:?-)?\}$")).ToList();

        Assert.True(passwords.Count >= 4, string.Join(", ", passwords.Select(p => p.Where)));
        Assert.True(literal.Count == 0, string.Join('\n', literal.Select(p => $"{p.Where}: {p.Value}")));
    }

    [Fact]
    public void Compose_ProfileServices_RequireNoVariableThatThePlainStackDoesNotRequire()
    {
        // Compose interpolates every service before it applies profiles: a ${VAR:?...} in a profile's service would stop
        // a plain `docker compose up` that has no VAR.
        var plain = RequiredVariables(NamesWhere(s => Sequence(s, "profiles").Count == 0));
        var profiles = RequiredVariables(NamesWhere(s => Sequence(s, "profiles").Count > 0));

        Assert.Contains("GRAFANA_ADMIN_PASSWORD", plain);
        Assert.Empty(profiles.Except(plain));
    }

    [Fact]
    public void Compose_EveryPublishedPort_OnLoopbackAndEachHostPortOnce()
    {
        var ports = Services.Children.SelectMany(c => Sequence((YamlMappingNode)c.Value, "ports").Select(p => (Service: ((YamlScalarNode)c.Key).Value!, Port: p))).ToList();

        Assert.True(ports.Count >= 6, string.Join(", ", ports));
        Assert.All(ports, p => Assert.StartsWith("127.0.0.1:", p.Port, StringComparison.Ordinal));
        Assert.Equal(ports.Count, ports.Select(p => p.Port.Split(':')[1]).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(("collector-a", "127.0.0.1:5081:8080"), ports);
        Assert.Contains(("collector-b", "127.0.0.1:5082:8080"), ports);
        Assert.Contains(("collector-lb", "127.0.0.1:5090:8080"), ports);
    }

    [Fact]
    public void Compose_LoadBalancer_RoundRobinOverBothReplicasForApiAndReportsButNotMetrics()
    {
        var lb = Service("collector-lb");
        var mount = Sequence(lb, "volumes").Single().Split(':');
        var config = File.ReadAllText(Path.Combine(RepositoryPaths.Root, mount[0]));
        var upstream = Regex.Match(config, @"upstream\s+(\w+)\s*\{([^}]*)\}");
        var servers = Regex.Matches(upstream.Groups[2].Value, @"^\s*server\s+(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        var containerPort = Sequence(lb, "ports").Single().Split(':')[2];

        Assert.Equal("/etc/nginx/conf.d/default.conf", mount[1]);
        Assert.True(upstream.Success, config);
        Assert.Equal(Replicas.Select(r => r + ":8080"), servers);
        Assert.DoesNotMatch(@"(?m)^\s*(ip_hash|hash|least_conn|random)\b", upstream.Groups[2].Value);
        foreach (var location in new[] { "/api/", "/reports/" })
        {
            Assert.Matches($@"location\s+{Regex.Escape(location)}\s*\{{\s*proxy_pass\s+http://{upstream.Groups[1].Value};", config);
        }

        Assert.DoesNotMatch(@"location\s+[=~^]*\s*/metrics", config);
        Assert.Matches(@"location\s+/\s*\{\s*return\s+404;", config);
        Assert.Matches($@"^\s*listen\s+{containerPort};", config.Split('\n').Single(l => l.Trim().StartsWith("listen", StringComparison.Ordinal)));
        Assert.Equal(Replicas, ((YamlMappingNode)lb["depends_on"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
    }

    [Fact]
    public void Compose_EveryBindMountAndBuildFile_Exists()
    {
        var missing = new List<string>();
        foreach (var (name, service) in Services.Children.Select(c => (((YamlScalarNode)c.Key).Value, (YamlMappingNode)c.Value)))
        {
            foreach (var volume in Sequence(service, "volumes"))
            {
                var source = volume.Split(':')[0];
                if (source.StartsWith("./", StringComparison.Ordinal) && !Path.Exists(Path.Combine(RepositoryPaths.Root, source)))
                {
                    missing.Add($"{name}: {source}");
                }
            }

            if (service.Children.TryGetValue("build", out var build))
            {
                var context = Scalar((YamlMappingNode)build, "context");
                var dockerfile = Path.Combine(RepositoryPaths.Root, context, Scalar((YamlMappingNode)build, "dockerfile"));
                if (!File.Exists(dockerfile))
                {
                    missing.Add($"{name}: {dockerfile}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void Compose_Images_PinnedToAVersion()
    {
        foreach (var service in new[] { "prometheus", "grafana", "postgres", "collector-lb" })
        {
            var image = Scalar((YamlMappingNode)Services[service], "image");
            var tag = image[(image.LastIndexOf(':') + 1)..];

            Assert.True(image.Contains(':', StringComparison.Ordinal) && tag != "latest" && char.IsAsciiDigit(tag.TrimStart('v')[0]), image);
        }
    }

    [Fact]
    public void Compose_Grafana_AdminPasswordFromEnvironmentAndAnonymousOffByDefault()
    {
        var environment = (YamlMappingNode)((YamlMappingNode)Services["grafana"])["environment"];

        Assert.StartsWith("${GRAFANA_ADMIN_PASSWORD", Scalar(environment, "GF_SECURITY_ADMIN_PASSWORD"), StringComparison.Ordinal);
        Assert.EndsWith(":-false}", Scalar(environment, "GF_AUTH_ANONYMOUS_ENABLED"), StringComparison.Ordinal);
        Assert.Contains("./dashboards/provisioning:/etc/grafana/provisioning:ro", Sequence((YamlMappingNode)Services["grafana"], "volumes"));
    }

    [Fact]
    public void Compose_Collector_DemoSwitchableByEnvironment()
    {
        var environment = (YamlMappingNode)((YamlMappingNode)Services["collector"])["environment"];

        Assert.Contains("DEMO_ENABLED", Scalar(environment, "Demo__Enabled"), StringComparison.Ordinal);
    }

    [Fact]
    public void PrometheusConfig_ScrapesCollectorServiceAndLoadsRulesBesideIt()
    {
        var config = Load(Path.Combine(RepositoryPaths.Root, "metrics-config", "prometheus.yml"));
        var job = (YamlMappingNode)((YamlSequenceNode)config["scrape_configs"])[0];
        var targets = Sequence((YamlMappingNode)((YamlSequenceNode)job["static_configs"])[0], "targets");
        var rules = ((YamlSequenceNode)config["rule_files"]).Select(r => ((YamlScalarNode)r).Value!).ToList();
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "EvalFramework.Collector", "Dockerfile"));

        Assert.Equal(["collector:8080"], targets);
        Assert.Contains("ASPNETCORE_URLS=http://0.0.0.0:8080", dockerfile, StringComparison.Ordinal);
        Assert.All(rules, r => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "metrics-config", r)), r));
        Assert.Contains("./metrics-config/rules.yml:/etc/prometheus/rules.yml:ro", Sequence((YamlMappingNode)Services["prometheus"], "volumes"));
    }

    [Fact]
    public void PrometheusConfig_ScrapesEachReplicaOnItsOwnByServiceName()
    {
        var jobs = ((YamlSequenceNode)Load(Path.Combine(RepositoryPaths.Root, "metrics-config", "prometheus.yml"))["scrape_configs"]).Cast<YamlMappingNode>().ToList();
        var replicas = jobs.Single(j => j.Children.ContainsKey("dns_sd_configs"));
        var lookup = (YamlMappingNode)((YamlSequenceNode)replicas["dns_sd_configs"]).Single();
        var relabel = (YamlMappingNode)((YamlSequenceNode)replicas["relabel_configs"]).Single();

        Assert.Equal(jobs.Count, jobs.Select(j => Scalar(j, "job_name")).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Replicas, Sequence(lookup, "names"));
        Assert.Equal("A", Scalar(lookup, "type"));
        Assert.Equal("8080", Scalar(lookup, "port"));
        Assert.Equal("/metrics", Scalar(replicas, "metrics_path"));
        Assert.False(replicas.Children.ContainsKey("static_configs"), "static targets would stay down in the stack without the profile");
        // One instance per replica, named after the service: instance="collector-a:8080".
        Assert.Equal(["__meta_dns_name"], Sequence(relabel, "source_labels"));
        Assert.Equal("instance", Scalar(relabel, "target_label"));
        Assert.Equal("$1:8080", Scalar(relabel, "replacement"));
    }

    [Theory]
    [InlineData("evalframework-collector", "collector")]
    [InlineData("evalframework-collector-replicas", "collector-a")]
    public void PrometheusConfig_Job_ScrapesWithTheKeyFileItsCollectorsDemoWrites(string job, string collector)
    {
        var scrape = ((YamlSequenceNode)Load(Path.Combine(RepositoryPaths.Root, "metrics-config", "prometheus.yml"))["scrape_configs"])
            .Cast<YamlMappingNode>().Single(j => Scalar(j, "job_name") == job);
        var authorization = (YamlMappingNode)scrape["authorization"];
        // Relative to the config file, which the prometheus service mounts at /etc/prometheus/prometheus.yml.
        var keyFile = "/etc/prometheus/" + Scalar(authorization, "credentials_file");
        var written = Scalar(Environment(Service(collector)), "Demo__KeyFile");

        Assert.Equal("Bearer", Scalar(authorization, "type"));
        Assert.False(authorization.Children.ContainsKey("credentials"), "a key in the config file would be committed");
        Assert.Equal("${METRICS_REQUIRE_KEY:-true}", Scalar(Environment(Service(collector)), "Metrics__RequireKey"));
        // The same named volume: mounted where the collector writes its key, and read-only where Prometheus reads it.
        var collectorVolume = MountOf(collector, Path.GetDirectoryName(written)!);
        var prometheusVolume = MountOf("prometheus", Path.GetDirectoryName(keyFile)!);
        Assert.Equal(Path.GetFileName(written), Path.GetFileName(keyFile));
        Assert.Equal(collectorVolume.Split(':')[0], prometheusVolume.Split(':')[0]);
        Assert.True(((YamlMappingNode)Compose["volumes"]).Children.ContainsKey(collectorVolume.Split(':')[0]));
        Assert.EndsWith(":ro", prometheusVolume, StringComparison.Ordinal);
        Assert.Equal("./metrics-config/prometheus.yml:/etc/prometheus/prometheus.yml:ro", Sequence(Service("prometheus"), "volumes")[0]);
    }

    /// <summary>The service's volume entry mounted at <paramref name="target"/>.</summary>
    private static string MountOf(string service, string target) =>
        Sequence(Service(service), "volumes").Single(v => v.Split(':')[1] == target);

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static YamlMappingNode Environment(YamlMappingNode service) => (YamlMappingNode)service["environment"];

    private static List<string> NamesWhere(Func<YamlMappingNode, bool> predicate) =>
        [.. Services.Children.Where(c => predicate((YamlMappingNode)c.Value)).Select(c => ((YamlScalarNode)c.Key).Value!)];

    /// <summary>Variables the services require (<c>${VAR:?...}</c> or <c>${VAR?...}</c>) anywhere in their definitions.</summary>
    private static HashSet<string> RequiredVariables(IEnumerable<string> services) =>
        [.. services.SelectMany(s => Scalars(Service(s))).SelectMany(v => Regex.Matches(v, @"\$\{([A-Za-z_][A-Za-z0-9_]*):?\?").Select(m => m.Groups[1].Value))];

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(c => Scalars(c.Key).Concat(Scalars(c.Value))),
        _ => [],
    };

    private static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? [.. ((YamlSequenceNode)value).Select(v => ((YamlScalarNode)v).Value!)] : [];
}
