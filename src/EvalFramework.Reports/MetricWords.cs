namespace EvalFramework.Reports;

/// <summary>How one metric is named and how a difference in it is said, in one language.</summary>
/// <param name="Name">The label in tables (e.g. "Lead time, median").</param>
/// <param name="Lower">Sentence for a lower value of the treatment arm: {0} the arm, {1} the size (e.g. "{0} was {1} faster").</param>
/// <param name="Higher">Sentence for a higher value.</param>
/// <param name="LowerWord">The short word for a lower value, for intervals that span both sides ("faster").</param>
/// <param name="HigherWord">The short word for a higher value ("slower").</param>
internal sealed record MetricWords(string Name, string Lower = "", string Higher = "", string LowerWord = "", string HigherWord = "")
{
    /// <summary>
    /// A metric whose difference is said in one sentence either way: <paramref name="sentence"/> with {0} the arm, {1}
    /// the size and {2} the direction word (e.g. "{0} was {1} {2}" with "faster" and "slower").
    /// </summary>
    public static MetricWords Directed(string name, string sentence, string lowerWord, string higherWord) =>
        new(name, sentence.Replace("{2}", lowerWord, StringComparison.Ordinal), sentence.Replace("{2}", higherWord, StringComparison.Ordinal),
            lowerWord, higherWord);
}
