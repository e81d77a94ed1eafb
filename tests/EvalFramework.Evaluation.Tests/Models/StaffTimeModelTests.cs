using EvalFramework.Evaluation.Models;

namespace EvalFramework.Evaluation.Tests.Models;

public sealed class StaffTimeModelTests
{
    [Fact]
    public void HoursFreedPerMonth_AiArmFaster_Positive()
    {
        // (1200 − 900) s / 3600 × 400 cases = 300 / 3600 × 400 = 33.3333 h
        Assert.Equal(33.333333, StaffTimeModel.HoursFreedPerMonth(1200, 900, 400), 6);
    }

    [Fact]
    public void HoursFreedPerMonth_AiArmSlower_Negative()
    {
        // (600 − 780) / 3600 × 100 = −5 h
        Assert.Equal(-5, StaffTimeModel.HoursFreedPerMonth(600, 780, 100), 9);
    }

    [Fact]
    public void HoursFreedPerMonth_NoAiCases_Zero()
    {
        Assert.Equal(0, StaffTimeModel.HoursFreedPerMonth(1200, 900, 0));
    }

    [Fact]
    public void MaintenanceHoursByMonth_SumsPerMonthInOrder()
    {
        var byMonth = StaffTimeModel.MaintenanceHoursByMonth(
        [
            (new PilotMonth(2025, 4), 3.0),
            (new PilotMonth(2025, 3), 2.5),
            (new PilotMonth(2025, 4), 1.5),
            (new PilotMonth(2024, 12), 8.0),
        ]);

        // 2024-12: 8; 2025-03: 2.5; 2025-04: 3 + 1.5 = 4.5
        Assert.Equal(
            [(new PilotMonth(2024, 12), 8.0), (new PilotMonth(2025, 3), 2.5), (new PilotMonth(2025, 4), 4.5)],
            byMonth.Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public void NetHoursFreedPerMonth_SubtractsMaintenance()
    {
        // 33.5 freed − 4.5 maintenance = 29
        Assert.Equal(29, StaffTimeModel.NetHoursFreedPerMonth(33.5, 4.5));
    }
}
