namespace EvalFramework.Evaluation.Simulation;

/// <summary>A simulated case: what its <c>case.started</c> says, and the reference its later events use.</summary>
/// <param name="Reference">The service's own case reference (only its HMAC pseudonym leaves the process), e.g. <c>sim-1-0-42</c>.</param>
/// <param name="CaseType">The case type slug.</param>
/// <param name="Arm">The arm slug the case was allocated to.</param>
/// <param name="Channel">How the citizen came (slug), e.g. <c>phone</c>; null when the pilot's config lists no channels.</param>
/// <param name="Started">When the case was opened.</param>
public sealed record SimulatedCase(string Reference, string CaseType, string Arm, string? Channel, DateTimeOffset Started);
