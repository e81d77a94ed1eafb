using EvalFramework.EndToEnd.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>docker-compose.yml parses and points only at files of this repository (no Docker engine needed).</summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Compose = Load(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));

    private static YamlMappingNode Services => (YamlMappingNode)Compose["services"];

    [Fact]
    public void Compose_Services_CollectorPrometheusAndGrafana()
    {
        var names = Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();

        Assert.Equal(["collector", "prometheus", "grafana"], names);
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
        foreach (var service in new[] { "prometheus", "grafana" })
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
