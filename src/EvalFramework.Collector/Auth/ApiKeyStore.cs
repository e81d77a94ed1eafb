using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvalFramework.Contract;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Auth;

/// <summary>Finds the key a request presents. Keys are kept as SHA-256 hashes and compared in constant time.</summary>
internal sealed class ApiKeyStore(IOptions<ApiKeyOptions> options)
{
    private readonly ApiKey[] _keys = [.. options.Value.Keys.Select(Parse)];

    /// <summary>The key for an <c>Authorization</c> header value, or <see langword="null"/>.</summary>
    public ApiKey? Find(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var presented = authorization.AsSpan(Scheme.Length).Trim();
        if (presented.IsEmpty || presented.Length > 512)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetBytes(presented.ToString());
        SHA256.HashData(bytes, hash);
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
    public static List<string> Validate(ApiKeyOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var entry = options.Keys[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{ApiKeyOptions.SectionName}:Keys:{i}");
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{at}:Name: required");
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
