namespace EvalFramework;

/// <summary>
/// One arm a unit can be assigned to (<see cref="EvalFrameworkOptions.AssignmentArms"/>): its name and share, as the
/// pilot's config lists them (<c>arms[].name</c>, <c>arms[].share</c>), in the config's order.
/// </summary>
public sealed class AssignmentArm
{
    /// <summary>The arm's slug, e.g. <c>manual</c> or <c>ai_assisted</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The arm's share of the units, from 0 to 1; the shares of all arms sum to 1.</summary>
    public double Share { get; set; }
}
