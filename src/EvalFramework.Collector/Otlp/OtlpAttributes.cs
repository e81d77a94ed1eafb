namespace EvalFramework.Collector.Otlp;

/// <summary>
/// The span and resource attributes <c>POST /v1/traces</c> reads (docs/opentelemetry.md), in order of preference: the
/// GenAI semantic conventions first, then the names older OpenLLMetry, LiteLLM and OpenInference versions send. Every
/// other attribute is skipped unread, message contents (<c>gen_ai.input.messages</c>, <c>gen_ai.prompt</c>, …) included.
/// </summary>
internal static class OtlpAttributes
{
    /// <summary>The case's pseudonym (span, else resource).</summary>
    public const string CaseId = "evalframework.case_id";

    /// <summary>The pilot's slug (span, else resource).</summary>
    public const string Pilot = "evalframework.pilot";

    /// <summary>The case's pseudonym as an OpenLLMetry association property (<c>Traceloop.set_association_properties</c>).</summary>
    public const string TraceloopCaseId = "traceloop.association.properties." + CaseId;

    public const string Operation = "gen_ai.operation.name";

    public static readonly string[] Operations = [Operation, "llm.request.type"];

    /// <summary>The response's model first: it is the one that ran, when the pilot's vocabulary knows it.</summary>
    public static readonly string[] ResponseModels = ["gen_ai.response.model", "llm.response.model"];

    public static readonly string[] RequestModels = ["gen_ai.request.model", "llm.request.model", "llm.model_name"];

    public static readonly string[] InputTokens =
        ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.usage.prompt_tokens", "llm.token_count.prompt"];

    public static readonly string[] OutputTokens =
        ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.usage.completion_tokens", "llm.token_count.completion"];

    /// <summary>
    /// Operations that sum up other calls (an agent's or workflow's run) or call no model: their tokens are already on
    /// the chat spans beneath them, so counting them too would count the tokens twice.
    /// </summary>
    public static readonly HashSet<string> NotModelCalls = new(
        ["invoke_agent", "invoke_workflow", "create_agent", "execute_tool", "orchestrate_tools", "retrieval"], StringComparer.Ordinal);

    /// <summary>Every attribute key whose value is read; any other is skipped without decoding it.</summary>
    public static readonly HashSet<string> Read = new(
        [CaseId, Pilot, TraceloopCaseId, .. Operations, .. ResponseModels, .. RequestModels, .. InputTokens, .. OutputTokens],
        StringComparer.Ordinal);

    /// <summary>Whether the key marks a GenAI span: <c>gen_ai.*</c>, or <c>llm.*</c> of emitters that predate the conventions.</summary>
    public static bool IsGenAi(string key) =>
        key.StartsWith("gen_ai.", StringComparison.Ordinal) || key.StartsWith("llm.", StringComparison.Ordinal);
}
