namespace EvalFramework.Reports;

internal sealed partial class InferenceText
{
    /// <summary>Swedish.</summary>
    public static InferenceText Swedish { get; } = new()
    {
        Kind = "Typ av resultat",
        Sequential = "Säkert att titta på varje dag (piloten pågår)",
        Final = "Slutresultat",
        FixedWithoutEnd = "Resultat vid en fast tidpunkt (läs det en gång, i slutet)",
        SequentialIntro = "Det här är en titt under piloten, som planeras pågå till {0}. Dess mål och skyddsmått bedöms med alltid "
            + "giltiga {1} konfidenssekvenser, så det är säkert att titta på dem varje dag: att titta ofta gör inte ett falskt fynd "
            + "troligare. Priset är bredare intervall än slutresultatets, så en verklig skillnad kan ta längre tid att synas. De "
            + "utforskande jämförelserna är inte skyddade mot dagliga tittar: läs dem bara som frågor.",
        FinalIntro = "Det här är slutresultatet: pilotens planerade slut var {0}. Dess mål och skyddsmått prövas en gång, på "
            + "signifikansnivån {1}: resten av felrisken efter de dagliga tittarna under piloten ({2}), så att hela piloten håller sig "
            + "inom sin plan. Slutresultatet är ögonblicksbilden vars period slutar på det planerade slutet; en senare period är en titt "
            + "utanför planen.",
        FixedIntro = "Det här är ett resultat vid en fast tidpunkt: det gäller när det läses en gång, i slutet av piloten. Att titta "
            + "varje dag och agera på den första tydliga skillnaden gör ett falskt fynd mycket troligare. Ett planerat slut i pilotens "
            + "upplägg gör ögonblicksbilderna före det säkra att titta på varje dag.",
        SequenceColumn = "Skillnad ({0} konfidenssekvens)",
        SequenceInterval = "{0} konfidenssekvens {1}",
        SequentialTag = "säkert att titta på varje dag",
        FinalTag = "slutresultat",
    };
}
