using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>The outcome of reading an effects file: the effects when it is valid, else every error found.</summary>
/// <param name="Effects">The effects, or <see langword="null"/> when there are errors.</param>
/// <param name="Errors">Every problem, each naming its line and key (<c>arm.metric</c>); empty when <paramref name="Effects"/> is set.</param>
public sealed record EffectsParseResult(SimulationEffects? Effects, IReadOnlyList<ConfigError> Errors);
