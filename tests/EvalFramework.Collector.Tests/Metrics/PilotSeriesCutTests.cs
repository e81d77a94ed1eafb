using System.Text;
using EvalFramework.Collector.Metrics;

namespace EvalFramework.Collector.Tests.Metrics;

public sealed class PilotSeriesCutTests
{
    [Fact]
    public void Keep_PrometheusText_OtherPilotsSeriesAndTheirEmptyFamiliesLeftOut()
    {
        const string text = """
            # TYPE a_total counter
            # HELP a_total Only the other pilot.
            a_total{pilot="pilot-b"} 3
            # TYPE b_seconds histogram
            # HELP b_seconds Both pilots.
            b_seconds_bucket{arm="manual",pilot="pilot-a",le="1"} 1
            b_seconds_bucket{arm="manual",pilot="pilot-a",le="+Inf"} 2
            b_seconds_sum{arm="manual",pilot="pilot-a"} 3.5
            b_seconds_count{arm="manual",pilot="pilot-a"} 2
            b_seconds_bucket{arm="manual",pilot="pilot-b",le="1"} 0
            b_seconds_bucket{arm="manual",pilot="pilot-b",le="+Inf"} 1
            b_seconds_sum{arm="manual",pilot="pilot-b"} 9
            b_seconds_count{arm="manual",pilot="pilot-b"} 1
            # TYPE c gauge
            # HELP c No pilot label.
            c{} 4

            """;

        var kept = Cut(text, "pilot-a");

        Assert.Equal("""
            # TYPE b_seconds histogram
            # HELP b_seconds Both pilots.
            b_seconds_bucket{arm="manual",pilot="pilot-a",le="1"} 1
            b_seconds_bucket{arm="manual",pilot="pilot-a",le="+Inf"} 2
            b_seconds_sum{arm="manual",pilot="pilot-a"} 3.5
            b_seconds_count{arm="manual",pilot="pilot-a"} 2
            # TYPE c gauge
            # HELP c No pilot label.
            c{} 4

            """, kept);
    }

    [Fact]
    public void Keep_OpenMetrics_CreatedLinesFollowTheirSeriesAndTheEndMarkerStays()
    {
        const string text = """
            # TYPE a counter
            # UNIT a seconds
            # HELP a Both pilots.
            a_total{pilot="pilot-a"} 1
            a_created{pilot="pilot-a"} 1796322843.3
            a_total{pilot="pilot-b"} 2
            a_created{pilot="pilot-b"} 1796322843.3
            # TYPE b counter
            # HELP b Only the other pilot.
            b_total{pilot="pilot-b"} 2
            b_created{pilot="pilot-b"} 1796322843.3
            # EOF

            """;

        var kept = Cut(text, "pilot-b");

        Assert.Equal("""
            # TYPE a counter
            # UNIT a seconds
            # HELP a Both pilots.
            a_total{pilot="pilot-b"} 2
            a_created{pilot="pilot-b"} 1796322843.3
            # TYPE b counter
            # HELP b Only the other pilot.
            b_total{pilot="pilot-b"} 2
            b_created{pilot="pilot-b"} 1796322843.3
            # EOF

            """, kept);
        Assert.Equal("# EOF\n", Cut(text, "pilot-c"));
    }

    [Theory]
    [InlineData("a_total{pilot=\"pilot-a\"} 1", "pilot-a")]
    [InlineData("a_total{arm=\"manual\",pilot=\"pilot-a\",zone=\"x\"} 1", "pilot-a")]
    [InlineData("a_total{other=\"pilot=\\\"b\\\",x\",pilot=\"p\\\\q\\\"r\\n\"} 1", "p\\q\"r\n")]
    [InlineData("a_total{copilot=\"pilot-a\"} 1", null)]
    [InlineData("a_total{} 1", null)]
    [InlineData("a_total 1", null)]
    [InlineData("{\"a.total\",pilot=\"pilot-a\"} 1", "pilot-a")]
    [InlineData("a_total{\"pilot\"=\"pilot-a\"} 1", "pilot-a")]
    public void PilotOf_SampleLine_ThePilotLabelsValue(string line, string? expected) =>
        Assert.Equal(expected, PilotSeriesCut.PilotOf(Encoding.UTF8.GetBytes(line)));

    [Fact]
    public void Keep_OverflowSeriesAndBlankLines_TheOverflowLeftOutAndNoFamilyHeaderBroughtAlongByABlank()
    {
        // OpenTelemetry's overflow series sums counts of any pilot, with no pilot label; a blank line is no sample.
        const string text = """
            # TYPE a_total counter
            # HELP a_total Counts.
            a_total{pilot="pilot-a"} 1
            a_total{otel_metric_overflow="true"} 7
            # TYPE b_total counter
            # HELP b_total Only the other pilot.

            b_total{pilot="pilot-b"} 2

            """;

        var kept = Cut(text, "pilot-a");

        Assert.Equal("""
            # TYPE a_total counter
            # HELP a_total Counts.
            a_total{pilot="pilot-a"} 1


            """, kept);
    }

    private static string Cut(string text, string pilot) =>
        Encoding.UTF8.GetString(PilotSeriesCut.Keep(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), p => p == pilot).Span);
}
