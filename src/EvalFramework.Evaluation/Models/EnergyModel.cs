using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Models;

/// <summary>
/// Energy (Wh) and emissions (g CO2e) per case.
/// AI: Wh per output token f(P) = α · e^(β·B) · P + γ (EcoLogits 2025 fit; P = active parameters in billions,
/// B = batch size) × output tokens × PUE. Human: workstation watts × effort hours.
/// CO2e (g) = Wh ÷ 1000 × grid intensity (g CO2e/kWh).
/// </summary>
/// <remarks>
/// Only the GPU energy of generation is modelled (with PUE for the data centre). EcoLogits also adds the
/// non-GPU server share and embodied (manufacturing) impacts; they are left out, so the AI part is a lower
/// bound. Input tokens are not counted (prefill energy is not in the fit). See docs/configuration.md (<c>energy</c>).
/// </remarks>
public sealed class EnergyModel
{
    private const double SecondsPerHour = 3600;
    private const double WhPerKwh = 1000;
    private const long TokensPerMillion = 1_000_000;

    private readonly EnergyFactors _factors;
    private readonly PilotConfig _pilot;
    private readonly double _whPerParameterToken;

    /// <summary>Creates the model.</summary>
    /// <param name="factors">The energy and carbon factors (<see cref="EvaluationConfig.Energy"/>).</param>
    /// <param name="pilot">The pilot, for the active parameters of its models.</param>
    public EnergyModel(EnergyFactors factors, PilotConfig pilot)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(pilot);
        _factors = factors;
        _pilot = pilot;
        _whPerParameterToken = factors.TokenEnergyAlpha * Math.Exp(factors.TokenEnergyBeta * factors.TokenEnergyBatchSize);
    }

    /// <summary>GPU energy per output token, Wh: α · e^(β·B) · P + γ (without PUE).</summary>
    /// <param name="activeParamsBillions">P, active parameters in billions.</param>
    /// <returns>Wh per output token.</returns>
    public double WhPerOutputToken(double activeParamsBillions) => (_whPerParameterToken * activeParamsBillions) + _factors.TokenEnergyGamma;

    /// <summary>Energy of one AI usage including PUE, Wh: the model's <see cref="AiEnergy"/> for its output tokens.</summary>
    /// <param name="usage">The usage; its model must be in the pilot's <c>aiModels</c>.</param>
    /// <returns>Wh.</returns>
    public double AiWh(AiUsageInput usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var energy = TryAiEnergy(usage.Model, out var e) ? e : throw new MissingConfigEntryException(_pilot.Slug, "aiModels", usage.Model);
        return energy.Wh(usage.OutputTokens);
    }

    /// <summary>
    /// A model's energy per output token including PUE, Wh (taken as the energy of a million output tokens ÷ 10⁶).
    /// Allocates nothing, so it can run for every case of a snapshot.
    /// </summary>
    /// <param name="model">The model name.</param>
    /// <param name="energy">The energy per token; default when the model is not in <c>aiModels</c>.</param>
    /// <returns>Whether the model is in <c>aiModels</c>.</returns>
    public bool TryAiEnergy(string model, out AiEnergy energy)
    {
        if (!_pilot.AiModels.TryGetValue(model, out var config))
        {
            energy = default;
            return false;
        }

        energy = new AiEnergy(WhPerOutputToken(config.ActiveParamsBillions) * TokensPerMillion * _factors.Pue / TokensPerMillion);
        return true;
    }

    /// <summary>Workstation energy for staff effort, Wh: watts × seconds ÷ 3600.</summary>
    /// <param name="effortSeconds">Staff effort, seconds.</param>
    /// <returns>Wh.</returns>
    public double HumanWh(double effortSeconds) => _factors.WorkstationWatts * effortSeconds / SecondsPerHour;

    /// <summary>Emissions of an amount of energy, g CO2e: Wh ÷ 1000 × grid intensity.</summary>
    /// <param name="wh">Energy, Wh.</param>
    /// <returns>g CO2e.</returns>
    public double Co2eGrams(double wh) => wh / WhPerKwh * _factors.GridIntensityGCo2ePerKwh;

    /// <summary>Energy and emissions of one case.</summary>
    /// <param name="input">What the case used.</param>
    /// <returns>Human and AI parts and totals.</returns>
    public CaseEnergy EnergyOf(CaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var human = HumanWh(input.TotalEffortSeconds);
        var ai = input.AiUsage.Sum(AiWh);
        return new CaseEnergy(human, ai, Co2eGrams(human), Co2eGrams(ai));
    }
}
