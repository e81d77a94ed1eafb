using System.Globalization;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// The settings turned into what the simulator runs: every case type's profile, roles, model and behaviour per arm
/// (the profile with the arm's true effects applied). Building it checks everything and names each problem.
/// </summary>
internal sealed class SimulationModel
{
    private const string SettingsFile = "(simulation settings)";

    private SimulationModel(IReadOnlyList<CaseTypeModel> caseTypes, SimulationVocabulary vocabulary) =>
        (CaseTypes, Vocabulary) = (caseTypes, vocabulary);

    public IReadOnlyList<CaseTypeModel> CaseTypes { get; }

    /// <summary>The values the simulated services may send, and what the pilot's vocabulary leaves out.</summary>
    public SimulationVocabulary Vocabulary { get; }

    /// <summary>The model, or every problem of the settings, the profiles and the effects.</summary>
    public static (SimulationModel? Model, IReadOnlyList<ConfigError> Errors) Build(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<ConfigError>();
        void Fail(string key, string message) => errors.Add(new ConfigError(SettingsFile, 0, key, message));

        var pilot = settings.Pilot;
        if (!double.IsFinite(settings.Days) || settings.Days <= 0 || settings.Days > 36_525)
        {
            Fail("days", "must be more than 0 and at most 36525 (100 years)");
        }

        if (!double.IsFinite(settings.VolumeScale) || settings.VolumeScale < 0)
        {
            Fail("volumeScale", "must be 0 or more");
        }

        if (pilot.CaseTypes.Count == 0)
        {
            Fail("pilot.caseTypes", "the pilot has no case types");
        }

        if (pilot.Arms.Count == 0 || pilot.Arms.Any(a => !(a.Share >= 0)) || pilot.Arms.Sum(a => a.Share) <= 0)
        {
            Fail("pilot.arms", "needs at least one arm, with shares of 0 or more that add up to more than 0");
        }

        if (!pilot.Arms.Any(a => a.Name == pilot.BaselineArm))
        {
            Fail("pilot.baselineArm", "'" + pilot.BaselineArm + "' is not one of the pilot's arms");
        }

        if (pilot.StaffRoles.Count == 0)
        {
            Fail("pilot.staffRoles", "the pilot has no staff roles");
        }

        var effects = settings.Effects ?? SimulationEffects.Default;
        CheckEffectArms(effects, pilot, errors);
        var overrides = new Dictionary<string, CaseTypeProfile>(StringComparer.Ordinal);
        foreach (var profile in settings.Profiles)
        {
            overrides[profile.CaseType] = profile;
        }

        var profiles = pilot.CaseTypes.Select(t => overrides.GetValueOrDefault(t) ?? CaseTypeProfiles.For(t)).ToList();
        foreach (var profile in profiles)
        {
            CheckProfile(profile, errors);
        }

        var design = settings.Design is { } d ? DesignModel.Build(d, pilot, settings.Seed, settings.Start, errors) : null;
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var vocabulary = new SimulationVocabulary(pilot);
        var caseTypes = new List<CaseTypeModel>();
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i];
            var arms = pilot.Arms.Select(a => (Behaviour: Behaviour(profile, a.Name, a.Name != pilot.BaselineArm, effects, errors), a.Share)).ToList();
            var primary = pilot.StaffRoles.Contains(profile.PrimaryRole, StringComparer.Ordinal) ? profile.PrimaryRole : pilot.StaffRoles[0];
            var secondary = profile.SecondaryRole is { } s && pilot.StaffRoles.Contains(s, StringComparer.Ordinal) ? s : null;
            var model = pilot.AiModels.Contains(profile.AiModel, StringComparer.Ordinal) || pilot.AiModels.Count == 0 ? profile.AiModel : pilot.AiModels[0];
            caseTypes.Add(new CaseTypeModel(i, profile, primary, secondary, model, arms, vocabulary, settings.Seed, design, settings.Design?.Icc ?? 0));
        }

        return errors.Count > 0 ? (null, errors) : (new SimulationModel(caseTypes, vocabulary), []);
    }

    private static void CheckEffectArms(SimulationEffects effects, SimulationPilot pilot, List<ConfigError> errors)
    {
        if (effects.IsDefault)
        {
            return;
        }

        foreach (var arm in effects.Arms)
        {
            var line = effects.ArmLines.GetValueOrDefault(arm);
            if (arm == pilot.BaselineArm)
            {
                errors.Add(new ConfigError(effects.FileName, line, arm,
                    "is the baseline arm: effects are changes relative to it, so it has none"));
            }
            else if (!pilot.Arms.Any(a => a.Name == arm))
            {
                errors.Add(new ConfigError(effects.FileName, line, arm,
                    "is not an arm of pilot '" + pilot.Slug + "' (arms: " + string.Join(", ", pilot.Arms.Select(a => a.Name)) + ")"));
            }
        }
    }

    private static ArmBehaviour Behaviour(CaseTypeProfile profile, string arm, bool usesAi, SimulationEffects effects, List<ConfigError> errors)
    {
        var effort = profile.EffortMedianSeconds;
        var lead = profile.LeadTimeMedianSeconds;
        var (error, consistency, escalation, integration, survey) =
            (profile.ErrorRate, profile.ConsistencyRate, profile.EscalationRate, profile.IntegrationFailureRate, profile.SurveyResponseRate);
        var (abandoned, rejected) = (profile.AbandonedShare, profile.RejectedShare);
        var csat = new DiscreteDistribution(1, profile.CsatWeights);
        var nps = new DiscreteDistribution(0, profile.NpsWeights);
        var wellbeing = new DiscreteDistribution(1, profile.WellbeingWeights);
        foreach (var change in effects.For(arm))
        {
            void Fail(double value, string problem) => errors.Add(new ConfigError(effects.FileName, change.Line, arm + "." + change.Metric,
                string.Create(CultureInfo.InvariantCulture, $"{change} makes {change.Metric} of case type '{profile.CaseType}' {value:G4}, {problem}")));

            double Scale(double baseline)
            {
                var changed = change.Apply(baseline);
                if (changed > 0)
                {
                    return changed / baseline;
                }

                Fail(changed, "not above 0");
                return 1;
            }

            double Rate(double baseline)
            {
                var changed = change.Apply(baseline);
                if (changed is >= 0 and <= 1)
                {
                    return changed;
                }

                Fail(changed, "outside 0–1");
                return baseline;
            }

            DiscreteDistribution Tilt(DiscreteDistribution d, Func<DiscreteDistribution, double> statistic, double low, double high)
            {
                var target = change.Apply(statistic(d));
                if (target > low && target < high && d.TiltedTo(statistic, target) is { } tilted)
                {
                    return tilted;
                }

                Fail(target, string.Create(CultureInfo.InvariantCulture, $"not reachable: it must lie strictly between {low} and {high}"));
                return d;
            }

            switch (change.Metric)
            {
                case MetricKeys.EffortMean: effort *= Scale(profile.EffortMeanSeconds); break;
                case MetricKeys.LeadTimeMean: lead *= Scale(profile.LeadTimeMeanSeconds); break;
                case MetricKeys.LeadTimeMedian: lead *= Scale(profile.LeadTimeMedianSeconds); break;
                case MetricKeys.ErrorRate: error = Rate(profile.ErrorRate); break;
                case MetricKeys.ConsistencyRate: consistency = Rate(profile.ConsistencyRate); break;
                case MetricKeys.EscalationRate: escalation = Rate(profile.EscalationRate); break;
                case MetricKeys.AbandonmentRate: abandoned = Rate(profile.AbandonedShare); break;
                case MetricKeys.RejectionRate: rejected = Rate(profile.RejectedShare); break;
                case MetricKeys.IntegrationFailureRate: integration = Rate(profile.IntegrationFailureRate); break;
                case MetricKeys.SurveyResponseRate: survey = Rate(profile.SurveyResponseRate); break;
                case MetricKeys.CsatMean: csat = Tilt(csat, d => d.Mean, 1, 5); break;
                case MetricKeys.Nps: nps = Tilt(nps, d => d.Nps, -100, 100); break;
                case MetricKeys.StaffWellbeingMean: wellbeing = Tilt(wellbeing, d => d.Mean, 1, 5); break;
                default: throw new InvalidOperationException("unknown effect metric " + change.Metric);
            }
        }

        if (abandoned + rejected > 1)
        {
            errors.Add(new ConfigError(effects.FileName, effects.ArmLines.GetValueOrDefault(arm), arm, string.Create(CultureInfo.InvariantCulture,
                $"makes abandonment_rate + rejection_rate of case type '{profile.CaseType}' {abandoned + rejected:G4}, above 1")));
        }

        return new ArmBehaviour(arm, usesAi, effort, lead, error, consistency, escalation, abandoned, rejected, integration, survey, csat,
            nps, wellbeing);
    }

    private static void CheckProfile(CaseTypeProfile p, List<ConfigError> errors)
    {
        var prefix = "profiles." + p.CaseType + ".";
        void Check(bool ok, string property, string message)
        {
            if (!ok)
            {
                errors.Add(new ConfigError(SettingsFile, 0, prefix + property, message));
            }
        }

        void Rate(string property, double value) => Check(value is >= 0 and <= 1, property, "must be between 0 and 1");
        void Positive(string property, double value) => Check(value > 0 && double.IsFinite(value), property, "must be more than 0");
        void NonNegative(string property, double value) => Check(value >= 0 && double.IsFinite(value), property, "must be 0 or more");
        void Weights(string property, IReadOnlyList<double> weights, int count) => Check(
            weights.Count == count && weights.All(w => w >= 0 && double.IsFinite(w)) && weights.Sum() > 0, property,
            string.Create(CultureInfo.InvariantCulture, $"must be {count} weights of 0 or more, not all 0"));

        NonNegative(nameof(p.CasesPerYear), p.CasesPerYear);
        Check(p.OpenFromHour >= 0 && p.OpenFromHour < p.OpenToHour && p.OpenToHour <= 24, nameof(p.OpenFromHour),
            "opening hours must satisfy 0 ≤ OpenFromHour < OpenToHour ≤ 24");
        Rate(nameof(p.LunchDip), p.LunchDip);
        NonNegative(nameof(p.WeekendWeight), p.WeekendWeight);
        NonNegative(nameof(p.SpringPeak), p.SpringPeak);
        Check(p.SummerDip is >= 0 and < 1, nameof(p.SummerDip), "must be at least 0 and below 1");
        Check(p.Channels.Count > 0 && p.Channels.All(c => c.Weight >= 0) && p.Channels.Sum(c => c.Weight) > 0, nameof(p.Channels),
            "needs at least one channel, with weights of 0 or more, not all 0");
        Positive(nameof(p.LeadTimeMedianSeconds), p.LeadTimeMedianSeconds);
        NonNegative(nameof(p.LeadTimeSigma), p.LeadTimeSigma);
        Positive(nameof(p.EffortMedianSeconds), p.EffortMedianSeconds);
        NonNegative(nameof(p.EffortSigma), p.EffortSigma);
        Rate(nameof(p.SecondaryRoleShare), p.SecondaryRoleShare);
        Check(p.SecondaryEffortShare is >= 0 and < 1, nameof(p.SecondaryEffortShare), "must be at least 0 and below 1");
        Check(p.AiCallsMean >= 1 && double.IsFinite(p.AiCallsMean), nameof(p.AiCallsMean), "must be 1 or more");
        Positive(nameof(p.InputTokensMedian), p.InputTokensMedian);
        Positive(nameof(p.OutputTokensMedian), p.OutputTokensMedian);
        NonNegative(nameof(p.MsPerOutputToken), p.MsPerOutputToken);
        NonNegative(nameof(p.AiCallOverheadMs), p.AiCallOverheadMs);
        Rate(nameof(p.ReviewShare), p.ReviewShare);
        Rate(nameof(p.ErrorRate), p.ErrorRate);
        Rate(nameof(p.ConsistencyRate), p.ConsistencyRate);
        Rate(nameof(p.ReopenShare), p.ReopenShare);
        Rate(nameof(p.ComplaintShare), p.ComplaintShare);
        Rate(nameof(p.EscalationRate), p.EscalationRate);
        Rate(nameof(p.IntegrationFailureRate), p.IntegrationFailureRate);
        Check(p.IntegrationSystems.Count > 0, nameof(p.IntegrationSystems), "needs at least one system");
        Rate(nameof(p.AbandonedShare), p.AbandonedShare);
        Rate(nameof(p.RejectedShare), p.RejectedShare);
        Check(p.AbandonedShare + p.RejectedShare <= 1, nameof(p.RejectedShare), "with AbandonedShare must be at most 1");
        Rate(nameof(p.SurveyResponseRate), p.SurveyResponseRate);
        Weights(nameof(p.CsatWeights), p.CsatWeights, 5);
        Rate(nameof(p.NpsAnswerShare), p.NpsAnswerShare);
        Weights(nameof(p.NpsWeights), p.NpsWeights, 11);
        Check(p.TeamSizePerArm >= 0, nameof(p.TeamSizePerArm), "must be 0 or more");
        Rate(nameof(p.StaffSurveyResponseRate), p.StaffSurveyResponseRate);
        Weights(nameof(p.WellbeingWeights), p.WellbeingWeights, 5);
        Weights(nameof(p.WorkloadWeights), p.WorkloadWeights, 5);
        Weights(nameof(p.StressWeights), p.StressWeights, 5);
    }
}
