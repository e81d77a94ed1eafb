namespace EvalFramework.Evaluation.Models;

/// <summary>What one completed case used: the input of <see cref="CostModel"/> and <see cref="EnergyModel"/>.</summary>
/// <param name="Arm">The case's arm (from <c>case.started</c>).</param>
/// <param name="EffortSecondsByRole">Summed <c>human.effort</c> seconds by role.</param>
/// <param name="AiUsage">The case's <c>ai.usage</c> events.</param>
public sealed record CaseInput(
    string Arm,
    IReadOnlyDictionary<string, double> EffortSecondsByRole,
    IReadOnlyList<AiUsageInput> AiUsage)
{
    /// <summary>Staff effort over all roles, seconds.</summary>
    public double TotalEffortSeconds => EffortSecondsByRole.Values.Sum();
}
