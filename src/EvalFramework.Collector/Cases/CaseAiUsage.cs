using System.Text.Json.Serialization;

namespace EvalFramework.Collector.Cases;

/// <summary>AI usage of one case with one model.</summary>
internal sealed class CaseAiUsage
{
    [JsonIgnore]
    public string CaseId { get; set; } = "";

    public string Model { get; set; } = "";

    public long Calls { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public double DurationMs { get; set; }

    /// <summary>Tokens of calls that carried their own <c>costSek</c>; the price table prices only the rest.</summary>
    public long PricedInputTokens { get; set; }

    public long PricedOutputTokens { get; set; }

    /// <summary>Sum of the <c>costSek</c> the calls carried.</summary>
    public double CostSek { get; set; }
}
