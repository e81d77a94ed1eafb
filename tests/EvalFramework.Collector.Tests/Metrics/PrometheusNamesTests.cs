using EvalFramework.Collector.Metrics;

namespace EvalFramework.Collector.Tests.Metrics;

public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("evalfw.case.lead_time", "s", false, "evalfw_case_lead_time_seconds")]
    [InlineData("http.server.request.size", "By", false, "http_server_request_size_bytes")]
    [InlineData("evalfw.cases.started", "{case}", true, "evalfw_cases_started_total")]
    [InlineData("evalfw.requests_total", null, true, "evalfw_requests_total")]
    [InlineData("evalfw.energy", "J", true, "evalfw_energy_joules_total")]
    [InlineData("evalfw.maintenance", "h", true, "evalfw_maintenance_hours_total")]
    [InlineData("cpu.utilization", "1", false, "cpu_utilization_ratio")]
    [InlineData("net.throughput", "By/s", false, "net_throughput_bytes_per_second")]
    [InlineData("already_seconds", "s", false, "already_seconds")]
    [InlineData("with-dash..and space", "", false, "with_dash_and_space")]
    [InlineData("9lives", null, false, "_9lives")]
    [InlineData("wall.time", "s{wall}", false, "wall_time_seconds")]
    public void MetricName_OpenTelemetryName_PrometheusName(string name, string? unit, bool counter, string expected) =>
        Assert.Equal(expected, PrometheusNames.MetricName(name, unit, counter));

    [Theory]
    [InlineData("gen_ai.token.type", "gen_ai_token_type")]
    [InlineData("case_type", "case_type")]
    [InlineData("a:b", "a_b")]
    public void LabelName_Key_Sanitised(string key, string expected) =>
        Assert.Equal(expected, PrometheusNames.LabelName(key));
}
