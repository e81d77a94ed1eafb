using EvalFramework.Collector.Metrics;
using EvalFramework.Contract;

namespace EvalFramework.Collector.Tests.Metrics;

public sealed class IngestMetricsFilterTests
{
    [Theory]
    [InlineData("caseId", "caseId")]
    [InlineData("attributes.office", "attributes")]
    [InlineData("time", "time")]
    [InlineData("event", "event")]
    [InlineData("caseType", "caseType")]
    [InlineData("personnummer-like", LabelSet.Other)]
    [InlineData("", LabelSet.Other)]
    public void ReasonOf_FirstError_ItsWireFieldOrOther(string field, string expected) =>
        Assert.Equal(expected, IngestMetricsFilter.ReasonOf([new EventError(field, EventErrorCodes.Invalid, "some message")]));

    [Fact]
    public void ReasonOf_NoErrors_Other() => Assert.Equal(LabelSet.Other, IngestMetricsFilter.ReasonOf([]));
}
