namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The role a comparison plays in a pilot's analysis plan: what question it answers, and so how its verdict is read.
/// </summary>
public static class ComparisonRoles
{
    /// <summary>One of the plan's goals: Holm-adjusted over the primary family only; its verdict is the pilot's answer.</summary>
    public const string Primary = "primary";

    /// <summary>Must not get worse: a one-sided non-inferiority test at the plan's alpha against the metric's margin.</summary>
    public const string Guardrail = "guardrail";

    /// <summary>Everything else with an outcome: an unadjusted interval and an exploratory verdict, not a finding.</summary>
    public const string Secondary = "secondary";
}
