namespace EvalFramework.Evaluation.Models;

/// <summary>The AI usage of one <c>ai.usage</c> event (or the sum of a case's events for one model).</summary>
/// <param name="Model">The model name; must be in the pilot's <c>aiModels</c>.</param>
/// <param name="InputTokens">Input (prompt) tokens, ≥ 0.</param>
/// <param name="OutputTokens">Output (generated) tokens, ≥ 0.</param>
/// <param name="CostSek">The cost the caller reported, SEK; when set it replaces the price-table cost.</param>
public sealed record AiUsageInput(string Model, long InputTokens, long OutputTokens, double? CostSek = null);
