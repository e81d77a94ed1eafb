using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

internal sealed partial class PlanText
{
    /// <summary>Swedish.</summary>
    public static PlanText Swedish { get; } = new()
    {
        Title = "Analysplan",
        Intro = "Planen anger, innan resultaten läses, vilka jämförelser som besvarar pilotens fråga (primära), vilka som inte får "
            + "bli sämre (skyddsmått) och att allt annat är utforskande. Bedömningarna på sidan följer planen.",
        Alpha = "Signifikansnivå (alfa)",
        PrimaryMeasures = "Primära mått (svaret)",
        Guardrails = "Skyddsmått (får inte bli sämre)",
        Secondary = "Sekundära mått (utforskande)",
        SecondaryAll = "alla andra mått med ett utfall",
        AllCaseTypes = "alla ärendetyper",
        Margin = "marginal {0}",
        NoPrimary = "inga: piloten har inget primärt mått, så ingen bedömning på sidan besvarar dess fråga",
        DefaultPlan = "Pilotens utvärderingskonfiguration har ingen analysplan, så standardplanen användes: inget primärt mått och standardens skyddsmått.",
        Registration = "Registrering",
        RegisteredSame = "Registrerad {0}; planen som används är den registrerade.",
        ChangedAfterRegistration = "Analysplanen ändrades efter att den registrerades ({0}): bedömningarna följer den ändrade planen, "
            + "som kan ha valts efter att data setts. Registrerad plan {1}, använd plan {2}.",
        NotRegistered = "Analysplanen är inte registrerad: inget visar att den bestämdes innan data setts. Läs bedömningarna med det i åtanke.",
        NotRegisteredShort = "Inte registrerad.",
        ChangedShort = "Registrerad {0}, sedan ändrad: planen som används är inte den registrerade.",
        RegisteredAfterData = "Analysplanen registrerades {0}, efter att periodens första ärende startat: den kan ha valts efter att "
            + "de första data setts. Läs bedömningarna med det i åtanke.",
        RegisteredLateShort = "Registrerad {0}, efter att periodens första ärende startat; planen som används är den registrerade.",
        PlanHash = "Planens kontrollsumma (SHA-256)",

        PrimaryTitle = "Primära mått: svaret",
        PrimaryIntro = "De här jämförelserna besvarar pilotens fråga. Deras p-värden är justerade (Holm) över de {0} primära "
            + "jämförelserna, så att risken för ett falskt fynd sammanlagt hålls vid {1}.",
        GuardrailTitle = "Skyddsmått: inte sämre än den överenskomna marginalen",
        GuardrailIntro = "Varje skyddsmått prövas ensidigt för icke-underlägsenhet på nivån {0}: {1} klarar det när skillnadens "
            + "ensidiga gräns håller sig inom den överenskomna marginalen åt det sämre hållet.",
        SecondaryTitle = "Sekundära mått (utforskande)",
        SecondaryIntro = "Utforskande: intervall och p-värden är inte justerade, och bland så här många jämförelser ser några säkra "
            + "ut av en slump. De väcker frågor; de är inte fynd.",
        NoneInRole = "Ingen jämförelse i gruppen.",

        Role = "Roll",
        UnitOfAnalysis = "Analysenhet",
        WholePilot = "Hela piloten",
        Descriptive = "Beskrivande, jämförs inte",
        NotClearAfterHolm = "Ingen säker skillnad när hänsyn tas till de {0} primära jämförelserna (Holm-justering), även om intervallet ensamt inte rymmer noll.",
        GuardrailBound = "Ensidig gräns {0} mot marginalen {1}.",
        SameTest = "Samma prövning som {0} (en konstant gånger det).",
        Persons = "Personer",
        AdjustedP = "p, Holm-justerat",
        BoundColumn = "Ensidig gräns (marginal)",

        VerdictExplanations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Verdicts.Improved] = "skillnaden är statistiskt säker och åt rätt håll: för ett primärt mått efter Holm-justering över de primära måtten; för ett sekundärt utan justering, alltså utforskande.",
            [Verdicts.NonInferior] = "för ett skyddsmått: skillnadens ensidiga gräns, på planens alfanivå, ligger inom den överenskomna marginalen, så AI-gruppen är inte sämre än så.",
            [Verdicts.Inferior] = "för ett skyddsmått: hela det ensidiga intervallet ligger bortom den överenskomna marginalen.",
            [Verdicts.Inconclusive] = "för ett skyddsmått: det ensidiga intervallet rymmer marginalen: fler ärenden behövs.",
        },
        RoleLabels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ComparisonRoles.Primary] = "Primärt",
            [ComparisonRoles.Guardrail] = "Skyddsmått",
            [ComparisonRoles.Secondary] = "Utforskande",
        },
        Units = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case"] = "ärende",
            ["review"] = "granskning",
            ["answer"] = "enkätsvar",
            ["person"] = "person",
        },
    };
}
