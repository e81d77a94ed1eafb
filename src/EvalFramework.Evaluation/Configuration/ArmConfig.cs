namespace EvalFramework.Evaluation.Configuration;

/// <summary>One arm of a pilot (an entry of <c>arms</c>).</summary>
/// <param name="Name">The arm slug as sent in events, e.g. <c>manual</c> or <c>ai_assisted</c> (<c>name</c>, required).</param>
/// <param name="Share">Intended share of cases allocated to the arm, 0–1; the shares of a pilot sum to 1 (<c>share</c>, required).</param>
public sealed record ArmConfig(string Name, double Share);
