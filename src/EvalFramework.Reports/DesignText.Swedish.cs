namespace EvalFramework.Reports;

internal sealed partial class DesignText
{
    /// <summary>Swedish.</summary>
    public static DesignText Swedish { get; } = new()
    {
        Kind = "Hur ärendena fördelades",
        Assigned = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case"] = "Varje ärende för sig",
            ["handler"] = "Per handläggare: varje handläggare arbetar i en grupp",
            ["team"] = "Per team: varje team arbetar i en grupp",
            ["period"] = "Per period: grupperna turas om (växling)",
        },
        Units = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case"] = "ärenden",
            ["handler"] = "handläggare",
            ["team"] = "team",
            ["period"] = "perioder",
        },
        ClusterRobust = "Ärenden inom samma enhet liknar varandra, så det är antalet {0}, inte ärenden, som är urvalet: skillnaderna "
            + "jämförs mellan {0}, med klusterrobusta intervall som är bredare än om varje ärende räknades för sig.",
        UnitsPerArm = "{0} per grupp: {1}.",
        Icc = "Hur lika ärendena inom en enhet är (intraklasskorrelation, 0 till 1): från {1} till {2}.",
        TooFewUnits = "En grupp har färre än {0} {1}: för få för att avgöra, hur många ärenden det än är.",
        WithoutUnit = "{0} ärenden saknar registrerad enhet: de ingår i gruppernas siffror men inte i jämförelserna.",
        Compliance = "{0} av {1} tilldelade ärenden ({2}) handlades i en annan grupp än den tilldelade. Alla siffror räknar ett "
            + "ärende i den grupp det tilldelades (intention to treat), så jämförelsen står kvar mellan två rättvisa grupper; "
            + "skillnaden efter den grupp som faktiskt användes (as treated) visas bredvid, bara som referens.",
        FullCompliance = "Alla {0} tilldelade ärenden handlades i den grupp de tilldelades.",
        AsTreated = "as treated: {0}",
        TooFewUnitsToTell = "För få {2} för att avgöra ({0}; minst {1} {2} per grupp behövs, hur många ärenden det än är).",
        NotComparedByUnit = "Jämförs inte: en median har inget intervall som tar hänsyn till att {0} fördelades, så bara skillnaden visas.",
        NoSpread = "Inget intervall: i en grupp har alla {0} samma värde, så inget visar hur mycket de varierar.",
        TooEarly = "För tidigt att avgöra vid dagliga avläsningar ({0}): en andel behöver minst {1} ärenden med och {1} utan utfallet i varje grupp.",
        DifferenceInDifferences = "AI-stödet startade {0}; ärenden före dess är jämförelseperioden. Eftersom en del ärenden "
            + "fortsatte att handläggas manuellt efter det datumet är varje skillnad en skillnad i skillnader: AI-gruppens "
            + "förändring från före till efter, minus den manuella gruppens förändring under samma tid, så att säsong och "
            + "andra förändringar som båda påverkas av räknas bort.",
        BeforeAfterOnly = "AI-stödet startade {0}; ärenden före dess är jämförelseperioden, och inga ärenden handlades manuellt "
            + "efter det. Skillnaderna jämför efter med före: inte orsakssamband: säsong och andra förändringar skiljs inte åt.",
        NotCausal = "inte orsakssamband: säsong och andra förändringar skiljs inte åt",
    };
}
