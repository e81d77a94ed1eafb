namespace EvalFramework.Evaluation.Snapshots;

/// <summary>A case's AI usage of one model (a <c>case_ai_usage</c> row).</summary>
/// <param name="Model">The model name.</param>
/// <param name="InputTokens">All input tokens.</param>
/// <param name="OutputTokens">All output tokens.</param>
/// <param name="PricedInputTokens">Input tokens of calls that carried their own <c>costSek</c>.</param>
/// <param name="PricedOutputTokens">Output tokens of calls that carried their own <c>costSek</c>.</param>
/// <param name="CostSek">The sum of those calls' <c>costSek</c>.</param>
public readonly record struct ModelUsage(
    string Model, long InputTokens, long OutputTokens, long PricedInputTokens, long PricedOutputTokens, double CostSek);
