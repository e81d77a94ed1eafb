namespace EvalFramework.Collector.Auth;

/// <summary>An accepted API key: its name, the pilots it covers and its rights.</summary>
internal sealed class ApiKey(string name, byte[] hash, IReadOnlySet<string> pilots, ApiRights rights)
{
    public string Name { get; } = name;

    public byte[] Hash { get; } = hash;

    public ApiRights Rights { get; } = rights;

    public bool AllPilots => pilots.Contains("*");

    public bool Allows(ApiRights right, string pilot) =>
        (Rights & right) == right && (AllPilots || pilots.Contains(pilot));
}
