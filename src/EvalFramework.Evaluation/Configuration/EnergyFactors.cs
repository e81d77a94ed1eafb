namespace EvalFramework.Evaluation.Configuration;

/// <summary>Energy and carbon factors (YAML section <c>energy</c>). Defaults are in <see cref="ConfigDefaults"/>.</summary>
/// <param name="GridIntensityGCo2ePerKwh">Grid carbon intensity, gCO2e per kWh (<c>gridIntensityGCo2ePerKwh</c>, default 40).</param>
/// <param name="Pue">Data-centre power usage effectiveness, ≥ 1 (<c>pue</c>, default 1.2).</param>
/// <param name="WorkstationWatts">Workstation and lighting power while a person works on a case, W (<c>workstationWatts</c>, default 150).</param>
/// <param name="TokenEnergyAlpha">EcoLogits fit α, Wh per output token per billion active parameters (<c>tokenEnergy.alpha</c>).</param>
/// <param name="TokenEnergyBeta">EcoLogits fit β, the batch-size exponent coefficient (<c>tokenEnergy.beta</c>).</param>
/// <param name="TokenEnergyBatchSize">EcoLogits fit batch size B (<c>tokenEnergy.batchSize</c>, default 64).</param>
/// <param name="TokenEnergyGamma">EcoLogits fit γ, Wh per output token (<c>tokenEnergy.gamma</c>).</param>
public sealed record EnergyFactors(
    double GridIntensityGCo2ePerKwh,
    double Pue,
    double WorkstationWatts,
    double TokenEnergyAlpha,
    double TokenEnergyBeta,
    double TokenEnergyBatchSize,
    double TokenEnergyGamma)
{
    /// <summary>The documented defaults with their sources (docs/configuration.md, <c>energy</c>).</summary>
    public static EnergyFactors Default { get; } = new(
        ConfigDefaults.GridIntensityGCo2ePerKwh,
        ConfigDefaults.Pue,
        ConfigDefaults.WorkstationWatts,
        ConfigDefaults.TokenEnergyAlpha,
        ConfigDefaults.TokenEnergyBeta,
        ConfigDefaults.TokenEnergyBatchSize,
        ConfigDefaults.TokenEnergyGamma);
}
