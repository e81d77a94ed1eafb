using System.Text;
using System.Text.Json;
using Dapper;
using EvalFramework.Collector.Storage;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Plans;

/// <summary>
/// The <c>plan_registrations</c> table: one row per pilot, written once (the first registration wins; triggers refuse
/// an update or a delete).
/// </summary>
internal sealed class PlanRegistrationStore(ICollectorDatabase database)
{
    // The same SQL on SQLite (3.24 and later) and PostgreSQL: a second registration of a pilot inserts nothing.
    private const string Insert = """
        INSERT INTO plan_registrations (pilot, plan_sha256, plan_json, registered_ms)
        VALUES (@Pilot, @Sha256, @PlanJson, @RegisteredMs)
        ON CONFLICT (pilot) DO NOTHING
        """;

    private const string Select = "SELECT pilot, plan_sha256, plan_json, registered_ms FROM plan_registrations WHERE pilot = @Pilot";

    private const string SelectRegisteredBy = """
        SELECT plan_sha256, registered_ms FROM plan_registrations WHERE pilot = @Pilot AND registered_ms <= @AtMs
        """;

    /// <summary>
    /// Registers <paramref name="plan"/> for <paramref name="pilot"/> at <paramref name="at"/> unless the pilot has a
    /// registration already; returns the pilot's registration (this one or the earlier one) and whether it is new.
    /// </summary>
    public async Task<(PlanRegistration Registration, bool Created)> RegisterAsync(string pilot, AnalysisPlan plan, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            Pilot = pilot,
            plan.Sha256,
            PlanJson = Encoding.UTF8.GetString(plan.CanonicalJson()),
            RegisteredMs = at.ToUnixTimeMilliseconds(),
        }, cancellationToken: cancellationToken));
        var registration = await FindAsync(pilot, cancellationToken)
            ?? throw new InvalidOperationException("the plan registration just written is not there");
        return (registration, inserted == 1);
    }

    /// <summary>The pilot's registration, or null when its plan is not registered.</summary>
    public async Task<PlanRegistration?> FindAsync(string pilot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Pilot, string Sha256, string PlanJson, long RegisteredMs)>(
            new CommandDefinition(Select, new { Pilot = pilot }, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        using var plan = JsonDocument.Parse(row.PlanJson);
        return new PlanRegistration(row.Pilot, row.Sha256, DateTimeOffset.FromUnixTimeMilliseconds(row.RegisteredMs), plan.RootElement.Clone());
    }

    /// <summary>The pilot's plan as registered at or before <paramref name="at"/>, for a snapshot made then; null when none was.</summary>
    public async Task<RegisteredPlan?> RegisteredByAsync(string pilot, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Sha256, long RegisteredMs)>(new CommandDefinition(SelectRegisteredBy,
            new { Pilot = pilot, AtMs = at.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken))).AsList();
        return rows.Count == 0 ? null : new RegisteredPlan(rows[0].Sha256, DateTimeOffset.FromUnixTimeMilliseconds(rows[0].RegisteredMs));
    }
}
