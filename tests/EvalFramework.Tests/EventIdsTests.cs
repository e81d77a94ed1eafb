using EvalFramework.Contract;
using EvalFramework.Tracking;

namespace EvalFramework.Tests;

public sealed class EventIdsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(1));

    [Fact]
    public void NewGuid_AnyTime_IsVersion7WithRfc9562Variant()
    {
        var id = EventIds.NewGuid(Now);

        Assert.Equal(7, id.Version);
        Assert.Equal(0b1000, id.Variant & 0b1100);
    }

    [Fact]
    public void NewGuid_AnyTime_StartsWithUnixMillisecondsBigEndian()
    {
        var hex = EventIds.NewGuid(Now).ToString("N");

        Assert.Equal(Now.ToUnixTimeMilliseconds(), Convert.ToInt64(hex[..12], 16));
        Assert.Equal(Guid.CreateVersion7(Now).ToString("N")[..12], hex[..12]);
    }

    [Fact]
    public void NewId_ManyIdsInSameMillisecond_AreUniqueValidEventIds()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => EventIds.NewId(Now)).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids.Take(100), id => Assert.True(EventValidator.IsEventId(id)));
    }

    [Fact]
    public void NewId_AnyTimeOfTheNextDecades_NeverLooksLikeAnIdentifier()
    {
        // Without the redraw, about one id in a million has twelve random digits forming a valid identity number.
        var random = new Random(3);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var found = Enumerable.Range(0, 200_000)
            .Select(_ => EventIds.NewId(start.AddMinutes(random.NextDouble() * 30 * 525_960)))
            .Where(id => IdentifierGuard.Find(id) is not null)
            .ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void NewGuid_LaterMillisecond_SortsAfter()
    {
        var earlier = EventIds.NewGuid(Now);
        var later = EventIds.NewGuid(Now.AddMilliseconds(1));

        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0);
    }

    [Fact]
    public void NewGuid_TimeBeforeEpoch_ClampsToZeroInsteadOfThrowing() =>
        Assert.StartsWith("00000000-0000-7", EventIds.NewGuid(DateTimeOffset.MinValue).ToString(), StringComparison.Ordinal);
}
