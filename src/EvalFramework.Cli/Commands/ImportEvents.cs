using System.Security.Cryptography;
using System.Text;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Import;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// The events of imported cases, as the SDK would have sent them: the reference pseudonymised the SDK's way
/// (HMAC-SHA256 keyed with the UTF-8 bytes of the pilot's pseudonym key over the UTF-8 reference, 64 lower-case hex),
/// a <c>case.started</c>, a <c>human.effort</c> when the row has effort, and a <c>case.completed</c> when it is
/// completed. Event ids are made from the pseudonym, so importing the same file again stores nothing twice.
/// </summary>
/// <param name="pilot">The pilot's slug.</param>
/// <param name="pseudonymKey">The pilot's pseudonym key (the SDK's <c>PseudonymKey</c>).</param>
internal sealed class ImportEvents(string pilot, string pseudonymKey)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(pseudonymKey);

    /// <summary>The events of one case, in time order.</summary>
    public IEnumerable<WireEvent> Of(ImportedCase c)
    {
        var caseId = Pseudonym(c.Reference);
        var started = New(EventTypes.CaseStarted, "s", caseId, c.Started);
        started.CaseType = c.CaseType;
        started.Arm = c.Arm;
        started.Channel = c.Channel;
        if (c.Team is { } team && c.AssignedArm is { } assigned)
        {
            started.Assignment = new WireAssignment { Unit = AssignmentUnits.Team, UnitId = team, AssignedArm = assigned };
        }

        yield return started;
        if (c.EffortSeconds is { } seconds)
        {
            var effort = New(EventTypes.HumanEffort, "e", caseId, c.Completed ?? c.Started);
            effort.Role = c.Role;
            effort.Seconds = seconds;
            yield return effort;
        }

        if (c.Completed is { } completed)
        {
            var done = New(EventTypes.CaseCompleted, "c", caseId, completed);
            done.Outcome = c.Outcome;
            yield return done;
        }
    }

    /// <summary>A reference's pseudonym, as the SDK makes it.</summary>
    public string Pseudonym(string reference) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(reference)));

    /// <summary>
    /// An event with an id of <c>imp</c>, a letter for its type and the first 32 hex digits of the case's pseudonym,
    /// so the same case gives the same ids (the collector's idempotency key) and different cases different ones.
    /// </summary>
    private WireEvent New(string type, string letter, string caseId, DateTimeOffset time) => new()
    {
        Id = "imp" + letter + caseId[..32],
        Type = type,
        Time = time,
        Pilot = pilot,
        CaseId = caseId,
    };
}
