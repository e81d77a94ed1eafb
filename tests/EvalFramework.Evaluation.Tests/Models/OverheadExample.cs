using EvalFramework.Evaluation.Models;

namespace EvalFramework.Evaluation.Tests.Models;

/// <summary>
/// A pilot whose snapshot period cuts its first and last month and whose AI arm has a one-off training and a one-off
/// cost: the case the overhead rules are written for.
/// </summary>
internal static class OverheadExample
{
    /// <summary>The period: 17 March (a Monday) to 12 May 2025, so March and May are cut (15 of 31 and 11 of 31 days).</summary>
    public static readonly DateTimeOffset From = new(2025, 3, 17, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset To = new(2025, 5, 12, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// ai_assisted: 35 000 SEK/month fixed, a 60 000 SEK set-up on 2025-01-01 amortised over 12 months;
    /// manual: 4 000 SEK/month. Maintenance 750 SEK/h borne by ai_assisted, staff-training one-off (12 months).
    /// </summary>
    public const string Config = """
        pilots:
          - slug: demo
            displayName: Demo
            caseTypes: [a-question, b-advice]
            arms:
              - name: manual
                share: 0.5
              - name: ai_assisted
                share: 0.5
            baselineArm: manual
            staffRoles:
              handlaggare:
                hourlyCostSek: 600
            fixedCosts:
              - name: platform
                monthlySek: 35000
                arm: ai_assisted
              - name: seats
                monthlySek: 4000
                arm: manual
            oneOffCosts:
              - name: integration set-up
                amountSek: 60000
                date: 2025-01-01
                arm: ai_assisted
            maintenance:
              hourlyCostSek: 750
              defaultArm: ai_assisted
              oneOffKinds: [staff-training]
            maintenanceKinds: [prompt-update, staff-training]
        """;

    /// <summary>
    /// The maintenance: a 33 h training on the period's first morning (24 750 SEK), a 4 h prompt update in April,
    /// an 8 h training in December 2024 (before the period, amortised into it) and a 5 h prompt update in December
    /// 2024 (before the period, not one-off: not in it).
    /// </summary>
    public static IReadOnlyList<MaintenanceWork> Maintenance { get; } =
    [
        new(From.AddHours(9), 33, null, "staff-training"),
        new(new DateTimeOffset(2025, 4, 7, 10, 0, 0, TimeSpan.Zero), 4, "ai_assisted", "prompt-update"),
        new(new DateTimeOffset(2024, 12, 2, 0, 0, 0, TimeSpan.Zero), 8, "ai_assisted", "staff-training"),
        new(new DateTimeOffset(2024, 12, 5, 0, 0, 0, TimeSpan.Zero), 5, "ai_assisted", "prompt-update"),
    ];

    // Hand computation (python3, exact fractions; datetime for the windows):
    // months of the period = 15/31 + 30/30 + 11/31 = 57/31 = 1.838709677419...
    // ai fixed = 35 000 × 57/31 = 64 354.838709677...; manual fixed = 4 000 × 57/31 = 7 354.838709677...
    // set-up: window 2025-01-01 → 2026-01-01 (365 d), 56 d inside → 60 000 × 56/365 = 9 205.479452054...
    // training: 24 750 SEK over 2025-03-17 09:00 → 2026-03-17 09:00 (365 d), 55 d 15 h inside → share 89/584,
    //   24 750 × 89/584 = 3 771.832191780...
    // December training: 6 000 SEK over 2024-12-02 → 2025-12-02 (365 d), 56 d inside → 920.547945205...
    // April prompt update: 4 h × 750 = 3 000; December prompt update: 0.
    // ai maintenance = 3 771.832191780 + 920.547945205 + 3 000 = 7 692.380136986...
    // ai total = 81 252.698298718...; with 300 closed cases 270.842327662... per case.
    public const double AiFixedSek = 64354.83870967742;
    public const double ManualFixedSek = 7354.8387096774195;
    public const double AiOneOffSek = 9205.479452054795;
    public const double AiMaintenanceSek = 7692.380136986301;
    public const double AiTotalSek = 81252.69829871852;
}
