using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace EvalFramework.Tracking;

/// <summary>
/// Turns a case reference into its pseudonym: HMAC-SHA256 keyed with the UTF-8 bytes of the pilot's secret over the
/// UTF-8 bytes of the reference, as 64 lower-case hex characters. The reference itself is never kept.
/// </summary>
internal sealed class Pseudonymiser
{
    private const int StackLimit = 512;
    private readonly byte[] _key;

    public Pseudonymiser(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The pseudonym of <paramref name="reference"/>.</summary>
    public string Pseudonymise(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(reference.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(reference, buffer);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, buffer[..length], hash);
            CryptographicOperations.ZeroMemory(buffer[..length]);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
