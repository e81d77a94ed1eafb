using EvalFramework.Collector.Metrics;

namespace EvalFramework.Collector.Tests.Metrics;

public sealed class IngestMetricsFilterTests
{
    [Theory]
    [InlineData("caseId: required for case events", "caseId")]
    [InlineData("attributes.office: must be at most 256 characters without control characters", "attributes")]
    [InlineData("time: more than 5 minutes in the future", "time")]
    [InlineData("event: could not be read", "event")]
    [InlineData("personnummer-like: looks like a personal identity number", LabelSet.Other)]
    [InlineData("no field at all", LabelSet.Other)]
    public void ReasonOf_FirstError_ItsWireFieldOrOther(string error, string expected) =>
        Assert.Equal(expected, IngestMetricsFilter.ReasonOf([error]));

    [Fact]
    public void ReasonOf_NoErrors_Other() => Assert.Equal(LabelSet.Other, IngestMetricsFilter.ReasonOf([]));
}
