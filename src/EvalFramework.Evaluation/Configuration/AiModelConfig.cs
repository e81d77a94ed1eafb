namespace EvalFramework.Evaluation.Configuration;

/// <summary>An AI model (an entry of <c>aiModels</c>, keyed by the model name sent in <c>ai.usage</c> events).</summary>
/// <param name="Model">The model name.</param>
/// <param name="InputPerMillionSek">Price per million input tokens, SEK (<c>inputPerMillionSek</c>, required, ≥ 0).</param>
/// <param name="OutputPerMillionSek">Price per million output tokens, SEK (<c>outputPerMillionSek</c>, required, ≥ 0).</param>
/// <param name="ActiveParamsBillions">Active parameters per token in billions, for the energy estimate (<c>activeParamsBillions</c>, required, &gt; 0).</param>
public sealed record AiModelConfig(string Model, double InputPerMillionSek, double OutputPerMillionSek, double ActiveParamsBillions);
