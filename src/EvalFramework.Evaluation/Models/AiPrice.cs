namespace EvalFramework.Evaluation.Models;

/// <summary>A model's price per token, SEK: its <c>aiModels</c> prices per million tokens ÷ 10⁶.</summary>
/// <param name="InputSekPerToken">SEK per input (prompt) token.</param>
/// <param name="OutputSekPerToken">SEK per output (generated) token.</param>
public readonly record struct AiPrice(double InputSekPerToken, double OutputSekPerToken)
{
    /// <summary>
    /// The AI cost of calls of this model: what the calls that reported a <c>costSek</c> reported, plus the price table
    /// for the tokens of the calls that reported none.
    /// </summary>
    /// <param name="reportedSek">The summed <c>costSek</c> of the calls that carried one.</param>
    /// <param name="unpricedInputTokens">Input tokens of the calls without a <c>costSek</c>.</param>
    /// <param name="unpricedOutputTokens">Output tokens of the calls without a <c>costSek</c>.</param>
    /// <returns>SEK.</returns>
    public double CostSek(double reportedSek, long unpricedInputTokens, long unpricedOutputTokens) =>
        reportedSek + (unpricedInputTokens * InputSekPerToken) + (unpricedOutputTokens * OutputSekPerToken);
}
