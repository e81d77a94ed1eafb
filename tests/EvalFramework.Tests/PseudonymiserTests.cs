using System.Security.Cryptography;
using System.Text;
using EvalFramework.Tracking;

namespace EvalFramework.Tests;

public sealed class PseudonymiserTests
{
    [Fact]
    public void Pseudonymise_Rfc4231TestCase2_MatchesPublishedHmacSha256()
    {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        var pseudonymiser = new Pseudonymiser("Jefe");

        var id = pseudonymiser.Pseudonymise("what do ya want for nothing?");

        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", id);
    }

    [Theory]
    [InlineData("a-pilot-secret-of-some-length", "DNR-2025-000123")]
    [InlineData("nyckel-med-åäö-och-mer-text", "ärende/2025/ÅÄÖ-1")]
    [InlineData("a-pilot-secret-of-some-length", "")]
    public void Pseudonymise_AnyReference_EqualsHmacSha256OfUtf8BytesAsLowerHex(string key, string reference)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        var expected = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(reference))).ToLowerInvariant();

        var id = new Pseudonymiser(key).Pseudonymise(reference);

        Assert.Equal(expected, id);
        Assert.Matches("^[0-9a-f]{64}$", id);
    }

    [Fact]
    public void Pseudonymise_LongReference_MatchesHmacOfWholeReference()
    {
        var reference = new string('ä', 2000);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("k-0123456789abcdef"), Encoding.UTF8.GetBytes(reference)));

        Assert.Equal(expected, new Pseudonymiser("k-0123456789abcdef").Pseudonymise(reference));
    }

    [Fact]
    public void Pseudonymise_SameReferenceTwice_GivesSameId()
    {
        var pseudonymiser = new Pseudonymiser("a-pilot-secret-of-some-length");

        Assert.Equal(pseudonymiser.Pseudonymise("DNR-2025-000123"), pseudonymiser.Pseudonymise("DNR-2025-000123"));
    }

    [Fact]
    public void Pseudonymise_DifferentKey_GivesDifferentId()
    {
        var first = new Pseudonymiser("a-pilot-secret-of-some-length").Pseudonymise("DNR-2025-000123");
        var second = new Pseudonymiser("another-pilot-secret-entirely").Pseudonymise("DNR-2025-000123");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Pseudonymise_DifferentReferences_GiveDifferentIds()
    {
        var pseudonymiser = new Pseudonymiser("a-pilot-secret-of-some-length");

        Assert.NotEqual(pseudonymiser.Pseudonymise("DNR-2025-000123"), pseudonymiser.Pseudonymise("DNR-2025-000124"));
    }
}
