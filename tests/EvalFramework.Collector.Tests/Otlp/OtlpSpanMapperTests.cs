using EvalFramework.Collector.Otlp;
using EvalFramework.Contract.Tests;

namespace EvalFramework.Collector.Tests.Otlp;

/// <summary>From a decoded span to the <c>ai.usage</c> event, or the reason it is ignored.</summary>
public sealed class OtlpSpanMapperTests
{
    private const ulong Start = 1_796_320_132_085_414_400; // 2026-12-03T17:48:52.0854144Z
    private const ulong End = Start + 3_195_500; // 3.1955 ms later

    private static OtlpSpan Span(params (string Key, OtlpValue Value)[] attributes)
    {
        var span = new OtlpSpan(OtlpPath.ResourceSpans(0).ScopeSpans(0).Spans(0))
        {
            TraceId = Convert.FromHexString("5B8EFFF798038103D269B633813FC60C"),
            SpanId = Convert.FromHexString("EEE19B7EC3C1B174"),
            StartTimeUnixNano = Start,
            EndTimeUnixNano = End,
            HasGenAiAttributes = attributes.Any(a => a.Key.StartsWith("gen_ai.", StringComparison.Ordinal)),
        };
        foreach (var (key, value) in attributes)
        {
            span.Set(key, value);
        }

        return span;
    }

    private static (string, OtlpValue) A(string key, string value) => (key, OtlpValue.Of(value));

    private static (string, OtlpValue) A(string key, long value) => (key, OtlpValue.Of(value));

    [Fact]
    public void Map_ChatSpanOfACase_AiUsageWithSpanIdsTokensEndTimeAndDuration()
    {
        var span = Span(A("evalframework.case_id", "case-7"), A("evalframework.pilot", "pilot-a"), A("gen_ai.operation.name", "chat"),
            A("gen_ai.request.model", "gpt-4o-mini"), A("gen_ai.response.model", "gpt-4o-mini-2024-07-18"),
            A("gen_ai.usage.input_tokens", 12), A("gen_ai.usage.output_tokens", 34));

        var mapping = OtlpSpanMapper.Map(span);

        Assert.Null(mapping.Ignored);
        Assert.Null(mapping.Errors);
        var e = mapping.Event!;
        Assert.Equal("otlp-5b8efff798038103d269b633813fc60c-eee19b7ec3c1b174", e.Id);
        Assert.Equal("ai.usage", e.Type);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 17, 48, 52, TimeSpan.Zero).AddTicks(886_099), e.Time); // .0886099 s, in 100 ns ticks
        Assert.Equal(("pilot-a", "case-7"), (e.Pilot, e.CaseId));
        Assert.Equal(("gpt-4o-mini-2024-07-18", "gpt-4o-mini"), (e.Model, mapping.RequestModel));
        Assert.Equal((12L, 34L), (e.InputTokens, e.OutputTokens));
        Assert.Equal(3.1955, e.DurationMs!.Value, 9);
        Assert.Null(e.CostSek);
    }

    [Fact]
    public void Map_CaseOnTheResourcePilotOnBoth_SpanWins()
    {
        var span = Span(A("evalframework.pilot", "pilot-b"), A("gen_ai.usage.input_tokens", 1));
        span.Resource = new Dictionary<string, OtlpValue>
        {
            ["evalframework.pilot"] = OtlpValue.Of("pilot-a"), ["evalframework.case_id"] = OtlpValue.Of("case-r"),
        };

        var e = OtlpSpanMapper.Map(span).Event!;

        Assert.Equal(("pilot-b", "case-r"), (e.Pilot, e.CaseId));
        Assert.Equal((1L, 0L), (e.InputTokens, e.OutputTokens));
    }

    [Fact]
    public void Map_OlderNamesAndNumbersAsStringsOrWholeDoubles_Read()
    {
        var span = Span(A("traceloop.association.properties.evalframework.case_id", "case-t"), A("gen_ai.system", "openai"),
            A("gen_ai.usage.prompt_tokens", "40"), ("llm.token_count.completion", OtlpValue.Of(5.0)), A("llm.model_name", "llama-3.3-70b"));

        var mapping = OtlpSpanMapper.Map(span);

        Assert.Null(mapping.Errors);
        Assert.Equal(("case-t", "llama-3.3-70b", 40L, 5L), (mapping.Event!.CaseId, mapping.Event.Model, mapping.Event.InputTokens, mapping.Event.OutputTokens));
    }

    [Fact]
    public void Map_NoGenAiAttribute_IgnoredAsNotGenAi()
    {
        var span = Span(A("evalframework.case_id", "case-7"), A("http.request.method", "POST"));

        Assert.Equal("not_gen_ai", OtlpSpanMapper.Map(span).Ignored);
    }

    [Fact]
    public void Map_GenAiWithoutCase_IgnoredAsNoCaseId()
    {
        var span = Span(A("gen_ai.request.model", "gpt-4o-mini"), A("gen_ai.usage.input_tokens", 3), A("evalframework.case_id", ""));

        Assert.Equal("no_case_id", OtlpSpanMapper.Map(span).Ignored);
    }

    [Theory]
    [InlineData("invoke_agent")]
    [InlineData("invoke_workflow")]
    [InlineData("execute_tool")]
    public void Map_AgentOrToolSpanWithSummedUsage_IgnoredSoTokensAreNotCountedTwice(string operation)
    {
        var span = Span(A("evalframework.case_id", "case-7"), A("gen_ai.operation.name", operation), A("gen_ai.usage.input_tokens", 300));

        Assert.Equal("not_a_model_call", OtlpSpanMapper.Map(span).Ignored);
    }

    [Fact]
    public void Map_ChatSpanWithoutTokens_IgnoredAsNoUsage()
    {
        var span = Span(A("evalframework.case_id", "case-7"), A("gen_ai.operation.name", "chat"), A("error.type", "timeout"));

        Assert.Equal("no_usage", OtlpSpanMapper.Map(span).Ignored);
    }

    [Fact]
    public void Map_TokensNotAnInteger_RefusedNamingTheField()
    {
        var span = Span(A("evalframework.case_id", "case-7"), ("gen_ai.usage.input_tokens", OtlpValue.Of(true)),
            ("gen_ai.usage.output_tokens", OtlpValue.Of(2.5)));

        var errors = OtlpSpanMapper.Map(span).Errors!;

        Assert.Equal(["inputTokens: must be an integer", "outputTokens: must be an integer"], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Map_AllZeroOrShortIds_Refused()
    {
        var span = Span(A("evalframework.case_id", "case-7"), A("gen_ai.usage.input_tokens", 3));
        span.SpanId = new byte[8];

        var mapping = OtlpSpanMapper.Map(span);

        Assert.Null(mapping.Event);
        Assert.Equal("id", Assert.Single(mapping.Errors!).Field);
    }

    [Fact]
    public void Map_SpanLongerThanADay_NoDuration()
    {
        var span = Span(A("evalframework.case_id", "case-7"), A("gen_ai.usage.input_tokens", 3));
        span.EndTimeUnixNano = Start + 86_400_000_000_001;

        Assert.Null(OtlpSpanMapper.Map(span).Event!.DurationMs);
    }

    [Fact]
    public void Map_EndBeforeStart_StoredWithoutDuration()
    {
        var span = Span(A("evalframework.case_id", "case-7"), A("gen_ai.usage.input_tokens", 3));
        span.EndTimeUnixNano = Start - 1_000_000;

        var mapping = OtlpSpanMapper.Map(span);

        Assert.Null(mapping.Errors);
        Assert.Equal(3L, mapping.Event!.InputTokens);
        Assert.Null(mapping.Event.DurationMs);
    }

    [Theory]
    [InlineData(0UL, 0UL)] // neither time sent (0 is also what a missing JSON member reads as)
    [InlineData(Start, 0UL)]
    public void Map_NoEndTime_RefusedInNanosecondsNotInTheContractsTimeText(ulong start, ulong end)
    {
        var span = Span(A("evalframework.case_id", "case-7"), A("gen_ai.usage.input_tokens", 3));
        (span.StartTimeUnixNano, span.EndTimeUnixNano) = (start, end);

        var mapping = OtlpSpanMapper.Map(span);

        Assert.Equal("time: required (nanoseconds since the Unix epoch, not 0)", Assert.Single(mapping.Errors!).ToString());
        Assert.Null(mapping.Event!.DurationMs);
    }

    /// <summary>
    /// Trace and span ids of digits: one that starts with a valid identity number (generated, never a real one) beside a
    /// Luhn-valid card number, one ending in digits beside a date and a phone number, and the smallest ids.
    /// </summary>
    public static TheoryData<string, string> DigitIds
    {
        get
        {
            var (century, date, serial) = IdentifierCorpus.Example;
            return new()
            {
                { (century + date + serial).PadRight(32, '0'), "4111111111111111" },
                { "5b8efff798038103d269b63381198503", "1223450701234567" },
                { "00000000000000000000000000000001", "0000000000000001" },
            };
        }
    }

    [Theory]
    [MemberData(nameof(DigitIds))]
    public void Map_IdsOfDigitsOnly_EventIdPassesTheIdentifierGuard(string traceId, string spanId)
    {
        // Random ids are all digits by chance ((10/16)^16 ≈ 1 span id in 1900): such a span must not be refused as personal data.
        var span = Span(A("evalframework.case_id", "case-7"), A("evalframework.pilot", "pilot-a"), A("gen_ai.request.model", "m"),
            A("gen_ai.usage.input_tokens", 3));
        span.TraceId = Convert.FromHexString(traceId);
        span.SpanId = Convert.FromHexString(spanId);
        var e = OtlpSpanMapper.Map(span).Event!;

        var errors = EvalFramework.Contract.EventValidator.Check(e, DateTimeOffset.UtcNow.AddYears(1));

        Assert.Null(errors);
    }
}
