namespace EvalFramework.Collector.Auth;

/// <summary>The API keys the collector accepts (configuration section <c>Auth</c>). Default: none.</summary>
internal sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    /// <summary><c>Auth:Keys</c>: one entry per key; only the key's SHA-256 is configured, never the key.</summary>
    public List<ApiKeyEntry> Keys { get; set; } = [];
}

/// <summary>One configured API key.</summary>
internal sealed class ApiKeyEntry
{
    /// <summary><c>Auth:Keys:N:Name</c>: a label for logs and the stored events (no default; required).</summary>
    public string? Name { get; set; }

    /// <summary><c>Auth:Keys:N:Sha256</c>: lower- or upper-case hex SHA-256 of the key's UTF-8 bytes (required).</summary>
    public string? Sha256 { get; set; }

    /// <summary><c>Auth:Keys:N:Pilots</c>: pilot slugs the key may use, or <c>*</c> for all (required).</summary>
    public List<string> Pilots { get; set; } = [];

    /// <summary><c>Auth:Keys:N:Rights</c>: any of <c>ingest</c>, <c>read</c>, <c>admin</c> (required).</summary>
    public List<string> Rights { get; set; } = [];
}
