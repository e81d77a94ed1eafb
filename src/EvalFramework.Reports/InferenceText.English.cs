namespace EvalFramework.Reports;

internal sealed partial class InferenceText
{
    /// <summary>British English.</summary>
    public static InferenceText English { get; } = new()
    {
        Kind = "Kind of result",
        Sequential = "Safe to check every day (the pilot is still running)",
        Final = "Final result",
        FixedWithoutEnd = "Fixed-horizon result (read it once, at the end)",
        SequentialIntro = "This is a look during the pilot, which is planned to run until {0}. Its goals and guardrails are judged with "
            + "always-valid {1} confidence sequences, so it is safe to check them every day: looking often does not make a false finding "
            + "more likely. The price is wider intervals than the final result's, so a real difference may take longer to show. The "
            + "exploratory comparisons are not protected against daily checking: read them only as questions.",
        FinalIntro = "This is the final result: the pilot's planned end was {0}. Its goals and guardrails are tested once, at {1} "
            + "significance: the rest of the error rate after the daily looks during the pilot ({2}), so the whole pilot stays within "
            + "its plan. The final result is the snapshot whose period ends on the planned end; a later period is a look beyond the plan.",
        FixedIntro = "This is a fixed-horizon result: it is valid when read once, at the end of the pilot. Checking it every day and "
            + "acting on the first clear difference makes a false finding much more likely. A planned end in the pilot's design makes "
            + "the snapshots before it safe to check every day.",
        SequenceColumn = "Difference ({0} confidence sequence)",
        SequenceInterval = "{0} confidence sequence {1}",
        SequentialTag = "safe to check every day",
        FinalTag = "final result",
    };
}
