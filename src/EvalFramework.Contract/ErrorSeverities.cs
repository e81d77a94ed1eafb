namespace EvalFramework.Contract;

/// <summary>The values of <c>severity</c> on a <c>case.error</c> event.</summary>
public static class ErrorSeverities
{
    /// <summary>Cosmetic or easily corrected.</summary>
    public const string Minor = "minor";

    /// <summary>Wrong in substance.</summary>
    public const string Major = "major";

    /// <summary>Harm to the citizen or a legal fault.</summary>
    public const string Critical = "critical";

    /// <summary>Every severity.</summary>
    public static IReadOnlyList<string> All { get; } = [Minor, Major, Critical];
}
