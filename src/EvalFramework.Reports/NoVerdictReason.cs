namespace EvalFramework.Reports;

/// <summary>Why a comparison has no verdict (<see cref="VerdictPhrases.ReasonOf"/>).</summary>
internal enum NoVerdictReason
{
    /// <summary>Fewer cases (or reviews, answers) per arm than the minimum.</summary>
    TooFewCases,

    /// <summary>Fewer persons per arm than the minimum (staff well-being).</summary>
    TooFewPersons,

    /// <summary>Under a design by unit: fewer units per arm than <c>design.minUnitsPerArm</c>.</summary>
    TooFewUnits,

    /// <summary>A median under a design by unit: not compared.</summary>
    NotComparedByUnit,

    /// <summary>Under a design by unit: every unit of an arm has the same value, so no interval.</summary>
    NoSpread,

    /// <summary>A goal or guardrail of a sequential snapshot before its burn-in (a share's fewest events).</summary>
    TooEarly,
}
