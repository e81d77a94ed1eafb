namespace EvalFramework.Collector.Auth;

/// <summary>What an API key may do, per pilot.</summary>
[Flags]
internal enum ApiRights
{
    None = 0,

    /// <summary>Post events.</summary>
    Ingest = 1,

    /// <summary>Read cases, snapshots and reports.</summary>
    Read = 2,

    /// <summary>Make snapshots and purge data.</summary>
    Admin = 4,
}
