namespace EvalFramework.Contract;

/// <summary>The values of <c>outcome</c> on a <c>case.completed</c> event.</summary>
public static class CaseOutcomes
{
    /// <summary>The citizen got an answer or decision.</summary>
    public const string Resolved = "resolved";

    /// <summary>The case was passed on to someone else to finish.</summary>
    public const string Escalated = "escalated";

    /// <summary>The case was dropped before it was finished.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>The request was refused.</summary>
    public const string Rejected = "rejected";

    /// <summary>Every outcome.</summary>
    public static IReadOnlyList<string> All { get; } = [Resolved, Escalated, Abandoned, Rejected];
}
