using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

internal sealed partial class PlanText
{
    /// <summary>British English.</summary>
    public static PlanText English { get; } = new()
    {
        Title = "Analysis plan",
        Intro = "The plan says, before the results are read, which comparisons answer the pilot's question (primary), which must not "
            + "get worse (guardrails), and that everything else is exploratory. The verdicts on this page follow it.",
        Alpha = "Significance level (alpha)",
        PrimaryMeasures = "Primary measures (the answer)",
        Guardrails = "Guardrails (must not get worse)",
        Secondary = "Secondary measures (exploratory)",
        SecondaryAll = "every other measure with an outcome",
        AllCaseTypes = "all case types",
        Margin = "margin {0}",
        NoPrimary = "none: this pilot has no primary measure, so no verdict on this page answers its question",
        DefaultPlan = "The pilot's evaluation config has no analysis plan, so the default plan was used: no primary measure, and the default guardrails.",
        Registration = "Registration",
        RegisteredSame = "Registered {0}; the plan used is the registered one.",
        ChangedAfterRegistration = "The analysis plan was changed after it was registered ({0}): the verdicts follow the changed plan, "
            + "which may have been chosen after the data were seen. Registered plan {1}, plan used {2}.",
        NotRegistered = "The analysis plan is not registered: nothing shows that it was fixed before the data were seen. Read the verdicts with that in mind.",
        NotRegisteredShort = "Not registered.",
        ChangedShort = "Registered {0}, then changed: the plan used is not the registered one.",
        RegisteredAfterData = "The analysis plan was registered {0}, after the period's first case started: it may have been chosen after "
            + "the first data were seen. Read the verdicts with that in mind.",
        RegisteredLateShort = "Registered {0}, after the period's first case started; the plan used is the registered one.",
        PlanHash = "Plan hash (SHA-256)",

        PrimaryTitle = "Primary measures: the answer",
        PrimaryIntro = "These comparisons answer the pilot's question. Their p-values are adjusted (Holm) over the {0} primary "
            + "comparisons, so together they keep the risk of a false finding at {1}.",
        GuardrailTitle = "Guardrails: not worse than the agreed margin",
        GuardrailIntro = "Each guardrail is a one-sided non-inferiority test at {0}: {1} passes when the one-sided bound of the "
            + "difference stays within the agreed margin on the bad side.",
        SecondaryTitle = "Secondary measures (exploratory)",
        SecondaryIntro = "Exploratory: intervals and p-values are not adjusted, and with this many comparisons some will look clear "
            + "by chance. They suggest questions; they are not findings.",
        NoneInRole = "No comparison in this group.",

        Role = "Role",
        UnitOfAnalysis = "Unit of analysis",
        WholePilot = "Whole pilot",
        Descriptive = "Descriptive, not compared",
        NotClearAfterHolm = "Not a clear difference once the {0} primary comparisons are allowed for (Holm adjustment), although the interval alone excludes no change.",
        GuardrailBound = "One-sided bound {0} against the margin {1}.",
        SameTest = "The same test as {0} (a constant multiple of it).",
        Persons = "Persons",
        AdjustedP = "p, Holm-adjusted",
        BoundColumn = "One-sided bound (margin)",

        VerdictExplanations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Verdicts.Improved] = "the difference is statistically clear and in the good direction: for a primary measure after the Holm adjustment over the primary measures; for a secondary one unadjusted, so exploratory.",
            [Verdicts.NonInferior] = "for a guardrail: the one-sided bound of the difference, at the plan's alpha, is within the agreed margin, so the AI arm is not worse by more than it.",
            [Verdicts.Inferior] = "for a guardrail: the whole one-sided interval is beyond the agreed margin.",
            [Verdicts.Inconclusive] = "for a guardrail: the one-sided interval includes the margin: more cases are needed.",
        },
        RoleLabels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ComparisonRoles.Primary] = "Primary",
            [ComparisonRoles.Guardrail] = "Guardrail",
            [ComparisonRoles.Secondary] = "Exploratory",
        },
        Units = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case"] = "case",
            ["review"] = "review",
            ["answer"] = "survey answer",
            ["person"] = "person",
        },
    };
}
