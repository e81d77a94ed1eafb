namespace EvalFramework.Evaluation.Models;

/// <summary>A model's inference energy per output token, Wh, data-centre overhead (PUE) included.</summary>
/// <param name="WhPerOutputToken">Wh per output token.</param>
public readonly record struct AiEnergy(double WhPerOutputToken)
{
    /// <summary>The energy of generating some output tokens, Wh (input tokens are not counted).</summary>
    /// <param name="outputTokens">Output tokens.</param>
    /// <returns>Wh.</returns>
    public double Wh(long outputTokens) => outputTokens * WhPerOutputToken;
}
