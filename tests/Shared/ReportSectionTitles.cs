namespace EvalFramework.Testing;

/// <summary>
/// The report page's sections in page order: the HTML id and the heading expected in Swedish and in English, written
/// out here rather than taken from the collector's catalogue, so a changed heading is seen.
/// </summary>
public static class ReportSectionTitles
{
    public static IReadOnlyList<(string Id, string Swedish, string English)> All { get; } =
    [
        ("plan", "Analysplan", "Analysis plan"),
        ("data-quality", "Datakvalitet", "Data quality"),
        ("comparisons", "Alla jämförelser i överblick", "All comparisons at a glance"),
        ("q1-time", "1. Tid", "1. Time"),
        ("q2-environment", "2. Miljöpåverkan", "2. Environmental impact"),
        ("q3-wellbeing", "3. Personalens välmående", "3. Staff well-being"),
        ("q4-cost", "4. Kostnadseffektivitet", "4. Cost-effectiveness"),
        ("q5-errors", "5. Felfrekvens", "5. Error rate"),
        ("q6-satisfaction", "6. Medborgarnöjdhet", "6. Citizen satisfaction"),
        ("q7-throughput", "7. Genomströmning", "7. Throughput"),
        ("q8-integration", "8. Integration", "8. Integration"),
        ("q9-sustainability", "9. Långsiktig hållbarhet", "9. Long-term sustainability"),
        ("goal-consistency", "Mål: mer enhetliga svar", "Goal: more consistent answers"),
        ("goal-hours-freed", "Mål: frigjord personaltid", "Goal: staff hours freed"),
        ("goal-lower-cost", "Mål: lägre kostnad", "Goal: lower cost"),
        ("data", "Data och verifiering", "Data and verification"),
    ];
}
