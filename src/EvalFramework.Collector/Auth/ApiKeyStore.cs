using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvalFramework.Contract;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Auth;

/// <summary>Finds the key a request presents. Keys are kept as SHA-256 hashes and compared in constant time.</summary>
internal sealed class ApiKeyStore(IOptions<ApiKeyOptions> options)
{
    /// <summary>Longer presented keys are refused unhashed (a generated key has 43 characters).</summary>
    public const int MaxKeyLength = 512;

    private readonly ApiKey[] _keys = [.. options.Value.Keys.Select(Parse)];

    /// <summary>The configured key the client presented (the bare key, as sent after <c>Bearer</c> or as the Basic password), or <see langword="null"/>.</summary>
    public ApiKey? Find(ReadOnlySpan<char> presented)
    {
        presented = presented.Trim();
        if (presented.IsEmpty || presented.Length > MaxKeyLength)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[MaxKeyLength * 3];
        var length = Encoding.UTF8.GetBytes(presented, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..length], hash);
        ApiKey? found = null;
        foreach (var key in _keys)
        {
            // Look at every key, whatever matched, so the time taken says nothing about which one did.
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>SHA-256 of a key as lower-case hex: what goes into <c>Auth:Keys:N:Sha256</c>.</summary>
    public static string HashKey(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: 32 bytes, base64url.</summary>
    public static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Every problem with the configured keys, each naming its configuration key.</summary>
    /// <param name="options">The keys.</param>
    /// <param name="paths">
    /// The configuration path of each key in order (<c>Auth:Keys:5</c>: indexes need not be consecutive); a key
    /// beyond them (the demo key) is named by its place in the list.
    /// </param>
    public static List<string> Validate(ApiKeyOptions options, IReadOnlyList<string>? paths = null)
    {
        string PathOf(int i) => paths is not null && i < paths.Count
            ? paths[i]
            : string.Create(CultureInfo.InvariantCulture, $"{ApiKeyOptions.SectionName}:Keys:{i}");

        var errors = new List<string>();
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var entry = options.Keys[i];
            var at = PathOf(i);
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{at}:Name: required");
            }
            else if (!named.TryAdd(entry.Name, i))
            {
                // Same-named keys would share a rate-limit bucket and be one writer in the stored events. Named at the
                // later key, unless that one is not configured (the demo key): then at the configured one.
                errors.Add($"{(paths is not null && i >= paths.Count ? PathOf(named[entry.Name]) : at)}:Name: duplicate key name");
            }

            if (entry.Sha256 is null || entry.Sha256.Length != 64 || !entry.Sha256.All(char.IsAsciiHexDigit))
            {
                errors.Add($"{at}:Sha256: must be the 64 hex digits of the key's SHA-256");
            }

            if (entry.Pilots.Count == 0)
            {
                errors.Add($"{at}:Pilots: at least one pilot slug, or *");
            }

            foreach (var pilot in entry.Pilots.Where(p => p != "*" && !EventValidator.IsPilotSlug(p)))
            {
                errors.Add($"{at}:Pilots: '{pilot}' is not a pilot slug");
            }

            if (entry.Rights.Count == 0)
            {
                errors.Add($"{at}:Rights: at least one of ingest, read, admin");
            }

            foreach (var right in entry.Rights.Where(r => ParseRight(r) == ApiRights.None))
            {
                errors.Add($"{at}:Rights: '{right}' is not one of ingest, read, admin");
            }
        }

        return errors;
    }

    private static ApiKey Parse(ApiKeyEntry entry)
    {
        var rights = entry.Rights.Aggregate(ApiRights.None, (all, r) => all | ParseRight(r));
        return new ApiKey(entry.Name!, Convert.FromHexString(entry.Sha256!), entry.Pilots.ToHashSet(StringComparer.Ordinal), rights);
    }

    private static ApiRights ParseRight(string right) => right.ToLowerInvariant() switch
    {
        "ingest" => ApiRights.Ingest,
        "read" => ApiRights.Read,
        "admin" => ApiRights.Admin,
        _ => ApiRights.None,
    };
}
