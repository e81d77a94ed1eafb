namespace EvalFramework.Collector.Auth;

/// <summary>An accepted API key: its name, the pilots it covers and its rights.</summary>
internal sealed class ApiKey(string name, byte[] hash, IReadOnlySet<string> pilots, ApiRights rights)
{
    public string Name { get; } = name;

    public byte[] Hash { get; } = hash;

    public ApiRights Rights { get; } = rights;

    /// <summary>The pilot slugs the key covers; <c>*</c> for all.</summary>
    public IReadOnlySet<string> Pilots { get; } = pilots;
}
