namespace EvalFramework.Evaluation.Privacy;

/// <summary>An earlier snapshot of the pilot: its period and when it was made, Unix ms.</summary>
internal readonly record struct EarlierSnapshot(long FromMs, long ToMs, long CreatedMs);
