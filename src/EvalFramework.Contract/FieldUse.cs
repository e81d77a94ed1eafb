namespace EvalFramework.Contract;

/// <summary>One field of one event type: the field, whether it is required there, and which pilot vocabulary list (a config key) its values must come from.</summary>
/// <param name="Field">The field.</param>
/// <param name="Required">Whether events of the type must carry it.</param>
/// <param name="Vocabulary">The pilot config key listing the allowed values (e.g. <c>caseTypes</c>), or <see langword="null"/> when the pilot's vocabulary does not close it.</param>
public sealed record FieldUse(WireField Field, bool Required, string? Vocabulary = null);
