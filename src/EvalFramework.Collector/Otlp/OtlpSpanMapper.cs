using EvalFramework.Contract;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// Turns a GenAI span into the <c>ai.usage</c> event of the wire contract: id <c>otlp-{traceId}-{spanId}</c> (so a resent
/// export is a duplicate), the case and pilot (span, else resource), the model, the input and output tokens, the end
/// time and the duration. Nothing else of the span is carried: no name, no prompt, no completion.
/// </summary>
internal static class OtlpSpanMapper
{
    /// <summary>Nanoseconds in a millisecond.</summary>
    private const double NanosPerMilli = 1_000_000;

    public static OtlpSpanMapping Map(OtlpSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (!span.HasGenAiAttributes)
        {
            return new() { Ignored = OtlpIgnoreReasons.NotGenAi };
        }

        List<EventError>? errors = null;
        var caseValue = span.First([OtlpAttributes.CaseId, OtlpAttributes.TraceloopCaseId])?.Value ?? span.Find(OtlpAttributes.CaseId);
        if (caseValue is null)
        {
            return new() { Ignored = OtlpIgnoreReasons.NoCaseId };
        }

        if (span.First(OtlpAttributes.Operations)?.Value is { Kind: OtlpValueKind.String, Text: var operation }
            && OtlpAttributes.NotModelCalls.Contains(operation!))
        {
            return new() { Ignored = OtlpIgnoreReasons.NotAModelCall };
        }

        var input = Tokens(span, OtlpAttributes.InputTokens, WireFields.InputTokens.Name, ref errors);
        var output = Tokens(span, OtlpAttributes.OutputTokens, WireFields.OutputTokens.Name, ref errors);
        if (input is null && output is null && errors is null)
        {
            return new() { Ignored = OtlpIgnoreReasons.NoUsage };
        }

        var caseId = Text(caseValue.Value, "caseId", ref errors);
        var pilot = span.Find(OtlpAttributes.Pilot) is { } p ? Text(p, "pilot", ref errors) : null;
        var responseModel = span.First(OtlpAttributes.ResponseModels) is { } rm ? Text(rm.Value, "model", ref errors) : null;
        var requestModel = span.First(OtlpAttributes.RequestModels) is { } qm ? Text(qm.Value, "model", ref errors) : null;

        if (span.TraceId is not { Length: 16 } traceId || span.SpanId is not { Length: 8 } spanId
            || traceId.AsSpan().IndexOfAnyExcept((byte)0) < 0 || spanId.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            (errors ??= []).Add(new("id", EventErrorCodes.Invalid, "traceId must be 16 bytes and spanId 8 bytes, neither all zero"));
            return new() { Errors = errors };
        }

        if (span.EndTimeUnixNano == 0)
        {
            // The contract's own message describes an RFC 3339 text, which is not what a span carries.
            (errors ??= []).Add(new("time", EventErrorCodes.Required, "required (nanoseconds since the Unix epoch, not 0)"));
        }

        var e = new WireEvent
        {
            Id = "otlp-" + Convert.ToHexStringLower(traceId) + "-" + Convert.ToHexStringLower(spanId),
            Type = EventTypes.AiUsage,
            Time = span.EndTimeUnixNano == 0 ? null : DateTimeOffset.UnixEpoch.AddTicks((long)(span.EndTimeUnixNano / 100)),
            Pilot = pilot,
            CaseId = caseId,
            Model = responseModel ?? requestModel,
            InputTokens = input ?? 0,
            OutputTokens = output ?? 0,
            DurationMs = Duration(span),
        };
        return new() { Event = e, RequestModel = requestModel != e.Model ? requestModel : null, Errors = errors };
    }

    /// <summary>
    /// End − start in milliseconds, or null when a time is missing, the end is before the start (a clock that stepped
    /// back) or the span is longer than the contract allows: the usage is stored without a duration.
    /// </summary>
    private static double? Duration(OtlpSpan span)
    {
        if (span.StartTimeUnixNano == 0 || span.EndTimeUnixNano < span.StartTimeUnixNano)
        {
            return null;
        }

        var ms = (span.EndTimeUnixNano - span.StartTimeUnixNano) / NanosPerMilli;
        return ms <= EventValidator.MaxDurationMs ? ms : null;
    }

    private static long? Tokens(OtlpSpan span, IReadOnlyList<string> keys, string field, ref List<EventError>? errors)
    {
        if (span.First(keys) is not { } found)
        {
            return null;
        }

        if (found.Value.TryGetInteger(out var tokens))
        {
            return tokens;
        }

        (errors ??= []).Add(new(field, EventErrorCodes.Invalid, "must be an integer"));
        return null;
    }

    private static string? Text(OtlpValue value, string field, ref List<EventError>? errors)
    {
        if (value.Kind == OtlpValueKind.String)
        {
            return value.Text;
        }

        (errors ??= []).Add(new(field, EventErrorCodes.Invalid, "must be a string attribute"));
        return null;
    }
}
