namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// Mean energy and emissions per completed case split into the staff workstation and AI inference; the parts add up
/// to <c>energy_wh_per_case</c> and <c>co2e_g_per_case</c>.
/// </summary>
/// <param name="WorkstationWh">Workstation watts × staff effort.</param>
/// <param name="AiWh">AI output tokens × Wh per token of the model × PUE.</param>
/// <param name="WorkstationCo2eG">The workstation part in g CO2e.</param>
/// <param name="AiCo2eG">The AI part in g CO2e.</param>
public sealed record EnergyParts(double WorkstationWh, double AiWh, double WorkstationCo2eG, double AiCo2eG);
