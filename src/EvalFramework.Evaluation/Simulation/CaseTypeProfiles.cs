namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// The built-in profiles of the three case types of a municipal pilot, with illustrative figures of a realistic
/// order of magnitude (a mid-sized Swedish municipality). A case type without a built-in profile gets
/// <see cref="Generic"/> under its own name.
/// </summary>
public static class CaseTypeProfiles
{
    /// <summary>
    /// Building-permit questions in the contact centre: about 10,000 a year, weekdays 08:00–16:30 with a lunch dip,
    /// a spring peak (80 % more in May, when people plan building) and a summer dip; answered by a
    /// <c>kommunvagledare</c> (a case officer is consulted on one in ten) in about 7 minutes; lead time a few hours.
    /// </summary>
    public static CaseTypeProfile BuildingPermitQuestion { get; } = new()
    {
        CaseType = "building-permit-question",
        CasesPerYear = 10_000,
        OpenFromHour = 8,
        OpenToHour = 16.5,
        LunchDip = 0.5,
        SpringPeak = 0.8,
        SummerDip = 0.4,
        Channels = [new("phone", 0.5), new("e-service", 0.3), new("email", 0.15), new("visit", 0.05)],
        LeadTimeMedianSeconds = 3 * 3600,
        LeadTimeSigma = 1.0,
        EffortMedianSeconds = 6 * 60,
        EffortSigma = 0.6,
        PrimaryRole = "kommunvagledare",
        SecondaryRole = "handlaggare",
        SecondaryRoleShare = 0.1,
        SecondaryEffortShare = 0.4,
        AiModel = "mistral-small-3.1",
        AiCallsMean = 2,
        InputTokensMedian = 1_800,
        OutputTokensMedian = 350,
        MsPerOutputToken = 15,
        AiCallOverheadMs = 400,
        ReviewShare = 0.3,
        ErrorRate = 0.05,
        ConsistencyRate = 0.82,
        IntegrationFailureRate = 0.02,
        IntegrationSystems = ["case-register", "e-service-platform"],
        AbandonedShare = 0.02,
        SurveyResponseRate = 0.2,
        Team = "kontaktcenter",
        TeamSizePerArm = 10,
    };

    /// <summary>
    /// Direct-procurement advice at the procurement desk: about 600 a year, weekdays 08:00–17:00, a deep summer
    /// dip; a <c>handlaggare</c> spends about an hour over some three days; a larger model and longer prompts.
    /// </summary>
    public static CaseTypeProfile DirectProcurementAdvice { get; } = new()
    {
        CaseType = "direct-procurement-advice",
        CasesPerYear = 600,
        SummerDip = 0.5,
        Channels = [new("email", 0.6), new("e-service", 0.2), new("phone", 0.1), new("meeting", 0.1)],
        LeadTimeMedianSeconds = 3 * 86_400,
        LeadTimeSigma = 0.8,
        EffortMedianSeconds = 50 * 60,
        EffortSigma = 0.7,
        PrimaryRole = "handlaggare",
        AiModel = "llama-3.3-70b",
        AiCallsMean = 4,
        InputTokensMedian = 6_000,
        OutputTokensMedian = 900,
        MsPerOutputToken = 30,
        AiCallOverheadMs = 800,
        ReviewShare = 0.3,
        ErrorRate = 0.06,
        ConsistencyRate = 0.75,
        ReopenShare = 0.2,
        ComplaintShare = 0.05,
        IntegrationFailureRate = 0.01,
        IntegrationSystems = ["procurement-system"],
        AbandonedShare = 0.03,
        SurveyResponseRate = 0.2,
        Team = "upphandling",
        TeamSizePerArm = 4,
    };

    /// <summary>
    /// Social-services documentation: about 2,500 a year, weekdays 08:00–17:00 (a little weekend on-call work);
    /// long effort for a <c>socialsekreterare</c> (about 80 minutes) and a few minutes of AI per case (five calls
    /// with long outputs); few citizens answer a survey.
    /// </summary>
    public static CaseTypeProfile SocialServicesDocumentation { get; } = new()
    {
        CaseType = "social-services-documentation",
        CasesPerYear = 2_500,
        LunchDip = 0.3,
        WeekendWeight = 0.03,
        SummerDip = 0.3,
        Channels = [new("meeting", 0.6), new("phone", 0.3), new("home-visit", 0.1)],
        LeadTimeMedianSeconds = 2 * 86_400,
        LeadTimeSigma = 0.9,
        EffortMedianSeconds = 75 * 60,
        EffortSigma = 0.5,
        PrimaryRole = "socialsekreterare",
        AiModel = "llama-3.3-70b",
        AiCallsMean = 5,
        InputTokensMedian = 4_000,
        OutputTokensMedian = 1_100,
        MsPerOutputToken = 30,
        AiCallOverheadMs = 800,
        ReviewShare = 0.2,
        ErrorRate = 0.04,
        ConsistencyRate = 0.8,
        ReopenShare = 0.15,
        ComplaintShare = 0.05,
        IntegrationFailureRate = 0.03,
        IntegrationSystems = ["journal-system"],
        AbandonedShare = 0.01,
        SurveyResponseRate = 0.1,
        Team = "socialtjanst",
        TeamSizePerArm = 8,
    };

    /// <summary>The built-in profiles by case type.</summary>
    public static IReadOnlyDictionary<string, CaseTypeProfile> BuiltIn { get; } = new Dictionary<string, CaseTypeProfile>(StringComparer.Ordinal)
    {
        [BuildingPermitQuestion.CaseType] = BuildingPermitQuestion,
        [DirectProcurementAdvice.CaseType] = DirectProcurementAdvice,
        [SocialServicesDocumentation.CaseType] = SocialServicesDocumentation,
    };

    /// <summary>The profile of <paramref name="caseType"/>: the built-in one, else the defaults of <see cref="CaseTypeProfile"/> under that name.</summary>
    /// <param name="caseType">The case type slug.</param>
    /// <returns>Its profile.</returns>
    public static CaseTypeProfile For(string caseType) =>
        BuiltIn.TryGetValue(caseType, out var profile) ? profile : Generic(caseType);

    /// <summary>The default profile under the name <paramref name="caseType"/>; its team is named after the case type.</summary>
    /// <param name="caseType">The case type slug.</param>
    /// <returns>A profile with every default.</returns>
    public static CaseTypeProfile Generic(string caseType) => new() { CaseType = caseType, Team = caseType };
}
