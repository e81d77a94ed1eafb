namespace EvalFramework.Collector.Otlp;

/// <summary>Why a span is ignored: the <c>reason</c> label of <c>evalfw.collector.otlp.spans.ignored</c>.</summary>
internal static class OtlpIgnoreReasons
{
    /// <summary>No <c>gen_ai.*</c> (or <c>llm.*</c>) attribute: an HTTP, database or app span.</summary>
    public const string NotGenAi = "not_gen_ai";

    /// <summary>A GenAI span without <c>evalframework.case_id</c>: an AI call outside a case, or the case id not stamped.</summary>
    public const string NoCaseId = "no_case_id";

    /// <summary>An agent's, workflow's or tool's span: its tokens are the sum of the chat spans beneath it.</summary>
    public const string NotAModelCall = "not_a_model_call";

    /// <summary>A GenAI span with no token count (a failed call, or an emitter that sent none).</summary>
    public const string NoUsage = "no_usage";

    public static readonly string[] All = [NotGenAi, NoCaseId, NotAModelCall, NoUsage];
}
