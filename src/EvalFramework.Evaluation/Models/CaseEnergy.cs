namespace EvalFramework.Evaluation.Models;

/// <summary>Energy and emissions of one case, human and AI parts apart.</summary>
/// <param name="HumanWh">Workstation energy while staff worked on the case, Wh.</param>
/// <param name="AiWh">AI inference energy including data-centre overhead (PUE), Wh.</param>
/// <param name="HumanCo2eG">Emissions of <paramref name="HumanWh"/>, g CO2e.</param>
/// <param name="AiCo2eG">Emissions of <paramref name="AiWh"/>, g CO2e.</param>
public sealed record CaseEnergy(double HumanWh, double AiWh, double HumanCo2eG, double AiCo2eG)
{
    /// <summary>Total energy, Wh.</summary>
    public double TotalWh => HumanWh + AiWh;

    /// <summary>Total emissions, g CO2e.</summary>
    public double TotalCo2eG => HumanCo2eG + AiCo2eG;
}
