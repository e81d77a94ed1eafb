namespace EvalFramework.Evaluation.Simulation;

/// <summary>How the cases of one case type behave in one arm: the profile with the arm's true effects applied.</summary>
internal sealed record ArmBehaviour(
    string Arm,
    bool UsesAi,
    double EffortMedianSeconds,
    double LeadTimeMedianSeconds,
    double ErrorRate,
    double ConsistencyRate,
    double EscalationRate,
    double AbandonedShare,
    double RejectedShare,
    double IntegrationFailureRate,
    double SurveyResponseRate,
    DiscreteDistribution Csat,
    DiscreteDistribution Nps,
    DiscreteDistribution Wellbeing);
