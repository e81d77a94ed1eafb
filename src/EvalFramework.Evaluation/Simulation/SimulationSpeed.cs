using System.Globalization;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// How fast simulated time runs during playback: 1 is real time, N is N times faster, <see cref="Max"/> as fast as the
/// collector takes the events. Whatever the speed, an event is never recorded before its time has come on the real
/// clock, so playback that reaches the present goes on in real time.
/// </summary>
/// <param name="Factor">Simulated seconds per real second, more than 0; positive infinity for <see cref="Max"/>.</param>
public readonly record struct SimulationSpeed(double Factor)
{
    /// <summary>As fast as possible.</summary>
    public static SimulationSpeed Max { get; } = new(double.PositiveInfinity);

    /// <summary>Real time.</summary>
    public static SimulationSpeed RealTime { get; } = new(1);

    /// <summary>Whether this is <see cref="Max"/>.</summary>
    public bool IsMax => double.IsPositiveInfinity(Factor);

    /// <summary>Reads <c>max</c> or a factor such as <c>1</c>, <c>60</c> or <c>1440</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="speed">The speed, when the text is valid.</param>
    /// <returns>Whether the text is <c>max</c> or a finite number above 0.</returns>
    public static bool TryParse(string? text, out SimulationSpeed speed)
    {
        speed = Max;
        if (string.Equals(text, "max", StringComparison.Ordinal))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && double.IsFinite(factor) && factor > 0)
        {
            speed = new SimulationSpeed(factor);
            return true;
        }

        return false;
    }

    /// <summary><c>max</c> or the factor.</summary>
    /// <returns>The speed as <see cref="TryParse"/> reads it.</returns>
    public override string ToString() => IsMax ? "max" : Factor.ToString(CultureInfo.InvariantCulture);
}
