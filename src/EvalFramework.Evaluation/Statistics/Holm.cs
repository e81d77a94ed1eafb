namespace EvalFramework.Evaluation.Statistics;

/// <summary>Holm's step-down adjustment (Holm 1979): controls the family-wise error rate across comparisons.</summary>
internal static class Holm
{
    /// <summary>Adjusted p-values in the input order; nulls stay null and are not counted in the family.</summary>
    public static double?[] Adjust(IReadOnlyList<double?> pValues)
    {
        var order = Enumerable.Range(0, pValues.Count).Where(i => pValues[i] is not null)
            .OrderBy(i => pValues[i]!.Value).ThenBy(i => i).ToArray();
        var adjusted = new double?[pValues.Count];
        var m = order.Length;
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]!.Value));
            adjusted[i] = running;
        }

        return adjusted;
    }
}
