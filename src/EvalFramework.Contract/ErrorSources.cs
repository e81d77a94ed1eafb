namespace EvalFramework.Contract;

/// <summary>The values of <c>source</c> on a <c>case.error</c> event: where the error was found.</summary>
public static class ErrorSources
{
    /// <summary>Found in a quality review.</summary>
    public const string QualityReview = "quality_review";

    /// <summary>The case was reopened.</summary>
    public const string Reopened = "reopened";

    /// <summary>The citizen complained.</summary>
    public const string Complaint = "complaint";

    /// <summary>The handler reported it.</summary>
    public const string SelfReported = "self_reported";

    /// <summary>Every source.</summary>
    public static IReadOnlyList<string> All { get; } = [QualityReview, Reopened, Complaint, SelfReported];
}
