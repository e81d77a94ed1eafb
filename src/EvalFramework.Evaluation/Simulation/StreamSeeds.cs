namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// Seeds of the simulator's independent random streams, derived from the run's seed with the SplitMix64 finaliser:
/// one stream for each case type's arrivals, one for each case, one for each week's staff surveys and maintenance, one for the staff members' own levels,
/// and with a design one for the allocation of units, one for each case's placement and one for the units' effects.
/// A case's events therefore depend only on the seed, its case type and its number, not on what else was drawn.
/// </summary>
internal static class StreamSeeds
{
    /// <summary>The arrivals of case type <c>i</c> use stream <c>ArrivalsBase + i</c>.</summary>
    public const long ArrivalsBase = 1_000;

    /// <summary>The cases of case type <c>i</c> use stream <c>CasesBase + i</c>, indexed by case number.</summary>
    public const long CasesBase = 2_000;

    /// <summary>The weekly activities, indexed by week number.</summary>
    public const long Weeks = 3_000;

    /// <summary>The staff members' own well-being levels, indexed by member (team × arm × member number).</summary>
    public const long Staff = 4_000;

    /// <summary>The design's allocation of teams, handlers and periods to arms, and the teams' sizes.</summary>
    public const long Design = 5_000;

    /// <summary>Where a case of case type <c>i</c> goes (team, handler, compliance): stream <c>PlacementBase + i</c>, indexed by case number.</summary>
    public const long PlacementBase = 6_000;

    /// <summary>The units' effects on case type <c>i</c>: stream <c>UnitEffectsBase + i</c>, indexed by unit and metric.</summary>
    public const long UnitEffectsBase = 7_000;

    /// <summary>The seed of item <paramref name="index"/> of <paramref name="stream"/>.</summary>
    public static long Derive(long seed, long stream, long index)
    {
        var x = Mix((ulong)seed);
        x = Mix(x ^ ((ulong)stream * 0x9E3779B97F4A7C15UL));
        x = Mix(x ^ ((ulong)index * 0xD1B54A32D192ED03UL));
        return (long)x;
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
