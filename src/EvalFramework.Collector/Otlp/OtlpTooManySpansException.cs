namespace EvalFramework.Collector.Otlp;

/// <summary>An export of more than <see cref="OtlpRequestBody.MaxSpans"/> spans: refused whole, read no further.</summary>
internal sealed class OtlpTooManySpansException : Exception
{
    public OtlpTooManySpansException()
        : base($"at most {OtlpRequestBody.MaxSpans} spans per export")
    {
    }

    public OtlpTooManySpansException(string message)
        : base(message)
    {
    }

    public OtlpTooManySpansException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws when <paramref name="spans"/> already holds <see cref="OtlpRequestBody.MaxSpans"/>, before one more is added.</summary>
    public static void ThrowIfFull(List<OtlpSpan> spans)
    {
        if (spans.Count >= OtlpRequestBody.MaxSpans)
        {
            throw new OtlpTooManySpansException();
        }
    }
}
