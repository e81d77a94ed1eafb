namespace EvalFramework.Reports;

internal sealed partial class DesignText
{
    /// <summary>British English.</summary>
    public static DesignText English { get; } = new()
    {
        Kind = "How cases reached their arm",
        Assigned = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case"] = "Each case on its own",
            ["handler"] = "By handler: each handler works in one arm",
            ["team"] = "By team: each team works in one arm",
            ["period"] = "By period: the arms take turns (switchback)",
        },
        Units = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case"] = "cases",
            ["handler"] = "handlers",
            ["team"] = "teams",
            ["period"] = "periods",
        },
        ClusterRobust = "Cases of one unit are alike, so the {0}, not the cases, are the sample: the differences are compared {0} "
            + "against {0}, with cluster-robust intervals that are wider than case-by-case ones would be.",
        UnitsPerArm = "{0} per arm: {1}.",
        Icc = "How alike the cases of one unit are (intraclass correlation, 0 to 1): from {1} to {2}.",
        TooFewUnits = "An arm has fewer than {0} {1}: too few to tell, whatever the number of cases.",
        WithoutUnit = "{0} cases have no recorded unit: they are in the arms' figures but not in the comparisons.",
        Compliance = "{0} of {1} assigned cases ({2}) were handled in another arm than assigned. Every figure counts a case in "
            + "the arm it was assigned to (intention to treat), so the comparison is still between two fair groups; the "
            + "difference by the arm actually used (as treated) is shown beside, for reference only.",
        FullCompliance = "All {0} assigned cases were handled in the arm they were assigned to.",
        AsTreated = "as treated: {0}",
        TooFewUnitsToTell = "Too few {2} to tell ({0}; at least {1} {2} per arm are needed, whatever the number of cases).",
        NotComparedByUnit = "Not compared: a median has no interval that allows for {0} being assigned, so only the difference is shown.",
        NoSpread = "No interval: in an arm every one of the {0} has the same value, so nothing shows how much they vary.",
        TooEarly = "Too early to tell during daily looks ({0}): a share needs at least {1} cases with and {1} without the outcome in each arm.",
        DifferenceInDifferences = "The AI started on {0}; cases before it are the baseline period. Because some cases "
            + "stayed with manual handling after that date, each difference is a difference in differences: the AI arm's "
            + "change from before to after, minus the manual arm's change over the same time, so the season and other "
            + "changes shared by both are taken out.",
        BeforeAfterOnly = "The AI started on {0}; cases before it are the baseline period, and no cases stayed with "
            + "manual handling after it. The differences compare after with before: not causal: season and other changes "
            + "are not separated.",
        NotCausal = "not causal: season and other changes are not separated",
    };
}
