namespace EvalFramework.Collector.Auth;

/// <summary>
/// The authorization policies, one declared on every endpoint (<c>RequireAuthorization(ApiPolicies.Read)</c>): a
/// right for some pilot, decided before the handler runs. Which pilot is decided in the handler, once the pilot is
/// known (<see cref="PilotAuthorization"/>).
/// </summary>
internal static class ApiPolicies
{
    /// <summary>The ingest right (<c>POST /api/v1/events</c>).</summary>
    public const string Ingest = "ingest";

    /// <summary>The read right (cases, snapshots).</summary>
    public const string Read = "read";

    /// <summary>The admin right (make snapshots, purge).</summary>
    public const string Admin = "admin";

    /// <summary><c>/metrics</c>: the read right, or anyone when <c>Metrics:RequireKey</c> is false.</summary>
    public const string Metrics = "metrics";

    /// <summary><c>/reports</c>: the read right, or anyone when some pilot's reports are public (the handler then decides per pilot).</summary>
    public const string Reports = "reports";
}
