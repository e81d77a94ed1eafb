using EvalFramework.Contract;

namespace EvalFramework.Collector.Storage;

/// <summary>What one transaction's new <c>ai.usage</c> events add to one case and model.</summary>
internal sealed class AiUsageDelta
{
    public long Calls { get; private set; }
    public long InputTokens { get; private set; }
    public long OutputTokens { get; private set; }
    public double DurationMs { get; private set; }
    public long PricedInputTokens { get; private set; }
    public long PricedOutputTokens { get; private set; }
    public double CostSek { get; private set; }

    public void Apply(WireEvent e)
    {
        Calls++;
        InputTokens += e.InputTokens!.Value;
        OutputTokens += e.OutputTokens!.Value;
        DurationMs += e.DurationMs ?? 0;
        if (e.CostSek is { } cost)
        {
            // Tokens of a call that carried its own cost are kept apart so the price table prices only the rest.
            PricedInputTokens += e.InputTokens.Value;
            PricedOutputTokens += e.OutputTokens.Value;
            CostSek += cost;
        }
    }
}
