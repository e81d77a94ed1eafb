namespace EvalFramework.Evaluation.Simulation;

/// <summary>One option of a random choice and its relative weight.</summary>
/// <param name="Value">The option, e.g. a channel slug.</param>
/// <param name="Weight">Its weight, ≥ 0; the weights of a choice need not sum to 1.</param>
public sealed record WeightedChoice(string Value, double Weight);
