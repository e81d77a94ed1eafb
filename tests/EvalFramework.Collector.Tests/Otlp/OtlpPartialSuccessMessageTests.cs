using EvalFramework.Collector.Otlp;

namespace EvalFramework.Collector.Tests.Otlp;

/// <summary>The <c>error_message</c> of <c>partial_success</c>: held to its length, and never without a refusal to read.</summary>
public sealed class OtlpPartialSuccessMessageTests
{
    [Fact]
    public void Message_FirstRefusalLongerThanTheRoom_CutNotLeftOut()
    {
        var first = "resourceSpans[0].scopeSpans[0].spans[0] " + new string('x', 5000);

        var message = OtlpTracesApi.Message([first]);

        Assert.StartsWith("1 span rejected: resourceSpans[0].scopeSpans[0].spans[0] xxx", message, StringComparison.Ordinal);
        Assert.EndsWith("x...", message, StringComparison.Ordinal);
        Assert.DoesNotContain("more", message, StringComparison.Ordinal);
        Assert.InRange(message.Length, OtlpResponse.MaxMessageLength - 100, OtlpResponse.MaxMessageLength);
    }

    [Fact]
    public void Message_FirstRefusalTooLongAndMoreAfterIt_CutThenCounted()
    {
        var message = OtlpTracesApi.Message([new string('x', 5000), "resourceSpans[0].scopeSpans[0].spans[1] model: unknown", "z"]);

        Assert.StartsWith("3 spans rejected: xxx", message, StringComparison.Ordinal);
        Assert.EndsWith("x...; and 2 more", message, StringComparison.Ordinal);
        Assert.InRange(message.Length, 0, OtlpResponse.MaxMessageLength);
    }

    [Fact]
    public void Message_ManyShortRefusals_AsManyAsFitThenHowManyMore()
    {
        var rejected = Enumerable.Range(0, 1000).Select(i => $"resourceSpans[0].scopeSpans[0].spans[{i}] model: unknown").ToList();

        var message = OtlpTracesApi.Message(rejected);

        Assert.StartsWith("1000 spans rejected: resourceSpans[0].scopeSpans[0].spans[0] model: unknown; ", message, StringComparison.Ordinal);
        Assert.Matches(@"; and \d+ more$", message);
        Assert.InRange(message.Length, 0, OtlpResponse.MaxMessageLength);
    }

    [Fact]
    public void Message_FirstRefusalCutAtASurrogatePair_NotBetweenItsHalves()
    {
        var room = OtlpResponse.MaxMessageLength - 16 - 3 - "1 span rejected: ".Length;
        var first = new string('x', room - 1) + "\U0001F600" + new string('x', 100);

        var message = OtlpTracesApi.Message([first]);

        Assert.False(char.IsHighSurrogate(message[^4]), "cut between the halves of a surrogate pair");
        Assert.EndsWith("x...", message, StringComparison.Ordinal);
    }
}
