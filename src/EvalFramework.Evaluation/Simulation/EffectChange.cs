using System.Globalization;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// A true effect: how one metric of an arm differs from the baseline arm's, relative (<c>-25%</c>: a quarter less)
/// or absolute in the metric's own unit (<c>+0.01</c>: one percentage point more of a rate, one second more of a
/// time, 0.2 points more on a 1–5 scale).
/// </summary>
/// <param name="Metric">The metric key, one of <see cref="SimulationEffects.Metrics"/>.</param>
/// <param name="Relative">Whether <paramref name="Value"/> is a share of the baseline value (else an absolute change).</param>
/// <param name="Value">The change: −0.25 for <c>-25%</c>, 0.01 for <c>+0.01</c>.</param>
public sealed record EffectChange(string Metric, bool Relative, double Value)
{
    /// <summary>The line of the effects file it came from (0 when made in code).</summary>
    internal int Line { get; init; }

    /// <summary>The metric's value in the arm, given its value in the baseline arm.</summary>
    /// <param name="baseline">The baseline arm's value.</param>
    /// <returns>The changed value.</returns>
    public double Apply(double baseline) => Relative ? baseline * (1 + Value) : baseline + Value;

    /// <summary>Whether two changes are the same (wherever they were written).</summary>
    /// <param name="other">The other change.</param>
    /// <returns>Whether metric, kind and value are equal.</returns>
    public bool Equals(EffectChange? other) =>
        other is not null && Metric == other.Metric && Relative == other.Relative && Value.Equals(other.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Metric, Relative, Value);

    /// <summary>The change as written in an effects file, e.g. <c>-25%</c> or <c>+0.01</c>.</summary>
    /// <returns>The change.</returns>
    public override string ToString() => Relative
        ? (Value * 100).ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) + "%"
        : Value.ToString("+0.######;-0.######;0", CultureInfo.InvariantCulture);
}
