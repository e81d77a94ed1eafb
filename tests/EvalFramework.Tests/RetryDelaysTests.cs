using System.Net.Http.Headers;
using EvalFramework.Sending;

namespace EvalFramework.Tests;

public sealed class RetryDelaysTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, 0.0, 100)]
    [InlineData(0, 1.0, 200)]
    [InlineData(1, 1.0, 400)]
    [InlineData(3, 0.0, 800)]
    [InlineData(20, 1.0, 30_000)]
    [InlineData(int.MaxValue, 0.0, 15_000)]
    public void Backoff_AttemptAndRandom_DoublesFrom200MsWithinCap(int attempt, double random, double expectedMs) =>
        Assert.Equal(expectedMs, RetryDelays.Backoff(attempt, Cap, random).TotalMilliseconds, 6);

    [Fact]
    public void FromRetryAfter_DeltaSeconds_IsThatDelay() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelays.FromRetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), DateTimeOffset.UnixEpoch, Cap));

    [Fact]
    public void FromRetryAfter_Date_IsTimeUntilThen()
    {
        var now = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(12), RetryDelays.FromRetryAfter(new RetryConditionHeaderValue(now.AddSeconds(12)), now, Cap));
        Assert.Equal(TimeSpan.Zero, RetryDelays.FromRetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-12)), now, Cap));
    }

    [Fact]
    public void FromRetryAfter_LongerThanCap_IsCapped() =>
        Assert.Equal(Cap, RetryDelays.FromRetryAfter(new RetryConditionHeaderValue(TimeSpan.FromHours(1)), DateTimeOffset.UnixEpoch, Cap));

    [Fact]
    public void FromRetryAfter_Absent_IsNull() =>
        Assert.Null(RetryDelays.FromRetryAfter(null, DateTimeOffset.UnixEpoch, Cap));
}
