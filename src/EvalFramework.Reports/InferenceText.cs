namespace EvalFramework.Reports;

/// <summary>
/// The report's words for how a snapshot's verdicts were reached, in one language (<see cref="English"/>,
/// <see cref="Swedish"/>): a look during the pilot that is safe to check every day (always-valid confidence sequences),
/// the final result at the planned end, or a fixed-horizon result of a pilot without a planned end.
/// </summary>
internal sealed partial class InferenceText
{
    /// <summary>The header fact's name.</summary>
    public required string Kind { get; init; }

    /// <summary>A sequential snapshot, in a manager's words.</summary>
    public required string Sequential { get; init; }

    /// <summary>A fixed snapshot at or after the planned end.</summary>
    public required string Final { get; init; }

    /// <summary>A fixed snapshot of a pilot without a planned end.</summary>
    public required string FixedWithoutEnd { get; init; }

    /// <summary>What a sequential snapshot means: {0} the planned end, {1} the sequences' level.</summary>
    public required string SequentialIntro { get; init; }

    /// <summary>What the final result means: {0} the planned end, {1} its significance level, {2} the daily looks' level.</summary>
    public required string FinalIntro { get; init; }

    /// <summary>What a fixed-horizon result without a planned end means.</summary>
    public required string FixedIntro { get; init; }

    /// <summary>The difference column of goals and guardrails in a sequential snapshot: {0} the level.</summary>
    public required string SequenceColumn { get; init; }

    /// <summary>A sequential comparison's interval in a sentence: {0} the level, {1} the range.</summary>
    public required string SequenceInterval { get; init; }

    /// <summary>The short tag beside a verdict reached by a confidence sequence.</summary>
    public required string SequentialTag { get; init; }

    /// <summary>The short tag beside a verdict of the final analysis.</summary>
    public required string FinalTag { get; init; }
}
