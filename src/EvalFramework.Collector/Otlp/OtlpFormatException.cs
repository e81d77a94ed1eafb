namespace EvalFramework.Collector.Otlp;

/// <summary>A request body that is not an <c>ExportTraceServiceRequest</c>: <see cref="Field"/> says where, the message what.</summary>
internal sealed class OtlpFormatException : Exception
{
    public OtlpFormatException()
    {
    }

    public OtlpFormatException(string message)
        : base(message)
    {
    }

    public OtlpFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="field">Where in the request, e.g. <c>resourceSpans[0].scopeSpans[0].spans[2].startTimeUnixNano</c>.</param>
    /// <param name="message">What is wrong, never quoting the input.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public OtlpFormatException(string field, string message, Exception? innerException = null)
        : base(message, innerException) => Field = field;

    /// <summary>Where in the request the problem is; <c>body</c> for the whole.</summary>
    public string Field { get; } = "body";
}
