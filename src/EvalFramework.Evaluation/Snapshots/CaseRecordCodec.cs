using System.Buffers.Binary;
using System.Text;
using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The canonical binary record of one case, exactly the bytes the data hash reads for it (docs/snapshots.md, "Verifying a
/// snapshot"): <c>'C'</c>, case id, case type, arm, started and completed ms, the outcome (empty while open), effort
/// and AI seconds, the counters, effort by role and AI usage by model, and for a case whose <c>case.started</c> carried an
/// assignment, <c>'A'</c>, the assigned arm, the unit and the unit id (a case without one ends after the models, as
/// records did before assignments). Little-endian integers, IEEE-754 doubles, strings as a 4-byte length and
/// UTF-8 bytes; roles and models in UTF-8 byte order. The collector stores this record per case as it ingests, so a
/// snapshot hashes and reads a case from one column instead of twenty.
/// </summary>
public static class CaseRecordCodec
{
    /// <summary>The record's first byte.</summary>
    public const byte Tag = (byte)'C';

    /// <summary>The first byte of the assignment at a record's end.</summary>
    public const byte AssignmentTag = (byte)'A';

    private const int TimeBytes = 2 * 8; // started, completed
    private const int FixedBytes = 14 * 8; // effort, AI duration and the 12 counters
    private const int UsageBytes = 5 * 8;

    /// <summary>The number of bytes <see cref="Write"/> needs for <paramref name="row"/>.</summary>
    /// <param name="row">The case.</param>
    /// <returns>The record's length.</returns>
    public static int Length(CaseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var length = 1 + StringBytes(row.CaseId) + StringBytes(row.CaseType) + StringBytes(row.Arm) + TimeBytes
            + StringBytes(row.Outcome ?? "") + FixedBytes + 4 + 4;
        foreach (var effort in row.EffortByRole)
        {
            length += StringBytes(effort.Role) + 8;
        }

        foreach (var usage in row.AiUsage)
        {
            length += StringBytes(usage.Model) + UsageBytes;
        }

        if (row.AssignedArm is { } assigned)
        {
            length += 1 + StringBytes(assigned) + StringBytes(row.AssignmentUnit ?? "") + StringBytes(row.AssignmentUnitId ?? "");
        }

        return length;
    }

    /// <summary>Writes the record of <paramref name="row"/>; the roles and models must already be in byte order.</summary>
    /// <param name="row">The case.</param>
    /// <param name="destination">At least <see cref="Length"/> bytes.</param>
    /// <returns>The bytes written.</returns>
    public static int Write(CaseRow row, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(row);
        var at = 0;
        destination[at++] = Tag;
        at += WriteString(row.CaseId, destination[at..]);
        at += WriteString(row.CaseType, destination[at..]);
        at += WriteString(row.Arm, destination[at..]);
        var span = destination.Slice(at, TimeBytes);
        BinaryPrimitives.WriteInt64LittleEndian(span, row.StartedMs);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], row.CompletedMs ?? long.MinValue);
        at += TimeBytes;
        at += WriteString(row.Outcome ?? "", destination[at..]);
        span = destination.Slice(at, FixedBytes + 4);
        BinaryPrimitives.WriteDoubleLittleEndian(span, row.EffortSeconds);
        BinaryPrimitives.WriteDoubleLittleEndian(span[8..], row.AiDurationMs);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], row.Escalations);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], row.Errors);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], row.Reviews);
        BinaryPrimitives.WriteInt64LittleEndian(span[40..], row.ReviewsIncorrect);
        BinaryPrimitives.WriteInt64LittleEndian(span[48..], row.ReviewsConsistencySet);
        BinaryPrimitives.WriteInt64LittleEndian(span[56..], row.ReviewsConsistent);
        BinaryPrimitives.WriteInt64LittleEndian(span[64..], row.IntegrationFailures);
        BinaryPrimitives.WriteInt64LittleEndian(span[72..], row.CsatCount);
        BinaryPrimitives.WriteInt64LittleEndian(span[80..], row.CsatSum);
        BinaryPrimitives.WriteInt64LittleEndian(span[88..], row.NpsCount);
        BinaryPrimitives.WriteInt64LittleEndian(span[96..], row.NpsPromoters);
        BinaryPrimitives.WriteInt64LittleEndian(span[104..], row.NpsDetractors);
        BinaryPrimitives.WriteInt32LittleEndian(span[112..], row.EffortByRole.Count);
        at += FixedBytes + 4;
        foreach (var effort in row.EffortByRole)
        {
            at += WriteString(effort.Role, destination[at..]);
            BinaryPrimitives.WriteDoubleLittleEndian(destination[at..], effort.Seconds);
            at += 8;
        }

        BinaryPrimitives.WriteInt32LittleEndian(destination[at..], row.AiUsage.Count);
        at += 4;
        foreach (var usage in row.AiUsage)
        {
            at += WriteString(usage.Model, destination[at..]);
            span = destination.Slice(at, UsageBytes);
            BinaryPrimitives.WriteInt64LittleEndian(span, usage.InputTokens);
            BinaryPrimitives.WriteInt64LittleEndian(span[8..], usage.OutputTokens);
            BinaryPrimitives.WriteInt64LittleEndian(span[16..], usage.PricedInputTokens);
            BinaryPrimitives.WriteInt64LittleEndian(span[24..], usage.PricedOutputTokens);
            BinaryPrimitives.WriteDoubleLittleEndian(span[32..], usage.CostSek);
            at += UsageBytes;
        }

        if (row.AssignedArm is { } assigned)
        {
            destination[at++] = AssignmentTag;
            at += WriteString(assigned, destination[at..]);
            at += WriteString(row.AssignmentUnit ?? "", destination[at..]);
            at += WriteString(row.AssignmentUnitId ?? "", destination[at..]);
        }

        return at;
    }

    /// <summary>The record of <paramref name="row"/> as a new array.</summary>
    /// <param name="row">The case.</param>
    /// <returns>The record.</returns>
    public static byte[] Encode(CaseRow row)
    {
        var record = new byte[Length(row)];
        Write(row, record);
        return record;
    }

    /// <summary>The case id's UTF-8 bytes inside a record.</summary>
    /// <param name="record">A record.</param>
    /// <returns>The slice of <paramref name="record"/> holding the case id.</returns>
    /// <exception cref="FormatException">The bytes are not a case record.</exception>
    public static ReadOnlySpan<byte> CaseId(ReadOnlySpan<byte> record)
    {
        if (record.Length < 5 || record[0] != Tag)
        {
            throw new FormatException("not a case record");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(record[1..]);
        if (length < 0 || length > record.Length - 5)
        {
            throw new FormatException("case record: bad case id length");
        }

        return record.Slice(5, length);
    }

    /// <summary>
    /// Reads a record into <paramref name="row"/> (cleared first). Strings from small closed sets (case type, arm,
    /// outcome, role, model) come from <paramref name="strings"/>, so millions of records allocate almost nothing; the case
    /// id is decoded only when <paramref name="withCaseId"/> is set.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="row">Filled with the case.</param>
    /// <param name="strings">A cache of decoded strings, reused across records.</param>
    /// <param name="withCaseId">Whether to decode the case id (else <see cref="CaseRow.CaseId"/> is empty).</param>
    /// <exception cref="FormatException">The bytes are not a well-formed case record.</exception>
    public static void Read(ReadOnlySpan<byte> record, CaseRow row, Utf8StringCache strings, bool withCaseId)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(strings);
        row.Clear();
        var id = CaseId(record);
        if (withCaseId)
        {
            row.CaseId = Encoding.UTF8.GetString(id);
        }

        var at = 5 + id.Length;
        row.CaseType = ReadString(record, ref at, strings);
        row.Arm = ReadString(record, ref at, strings);
        var span = Slice(record, at, TimeBytes);
        row.StartedMs = BinaryPrimitives.ReadInt64LittleEndian(span);
        var completed = BinaryPrimitives.ReadInt64LittleEndian(span[8..]);
        row.CompletedMs = completed == long.MinValue ? null : completed;
        at += TimeBytes;
        var outcome = ReadString(record, ref at, strings);
        row.Outcome = outcome.Length == 0 ? null : outcome;
        span = Slice(record, at, FixedBytes + 4);
        row.EffortSeconds = BinaryPrimitives.ReadDoubleLittleEndian(span);
        row.AiDurationMs = BinaryPrimitives.ReadDoubleLittleEndian(span[8..]);
        row.Escalations = BinaryPrimitives.ReadInt64LittleEndian(span[16..]);
        row.Errors = BinaryPrimitives.ReadInt64LittleEndian(span[24..]);
        row.Reviews = BinaryPrimitives.ReadInt64LittleEndian(span[32..]);
        row.ReviewsIncorrect = BinaryPrimitives.ReadInt64LittleEndian(span[40..]);
        row.ReviewsConsistencySet = BinaryPrimitives.ReadInt64LittleEndian(span[48..]);
        row.ReviewsConsistent = BinaryPrimitives.ReadInt64LittleEndian(span[56..]);
        row.IntegrationFailures = BinaryPrimitives.ReadInt64LittleEndian(span[64..]);
        row.CsatCount = BinaryPrimitives.ReadInt64LittleEndian(span[72..]);
        row.CsatSum = BinaryPrimitives.ReadInt64LittleEndian(span[80..]);
        row.NpsCount = BinaryPrimitives.ReadInt64LittleEndian(span[88..]);
        row.NpsPromoters = BinaryPrimitives.ReadInt64LittleEndian(span[96..]);
        row.NpsDetractors = BinaryPrimitives.ReadInt64LittleEndian(span[104..]);
        var roles = BinaryPrimitives.ReadInt32LittleEndian(span[112..]);
        at += FixedBytes + 4;
        for (var i = 0; i < roles; i++)
        {
            var role = ReadString(record, ref at, strings);
            row.EffortByRole.Add(new RoleEffort(role, BinaryPrimitives.ReadDoubleLittleEndian(Slice(record, at, 8))));
            at += 8;
        }

        var models = BinaryPrimitives.ReadInt32LittleEndian(Slice(record, at, 4));
        at += 4;
        for (var i = 0; i < models; i++)
        {
            var model = ReadString(record, ref at, strings);
            span = Slice(record, at, UsageBytes);
            row.AiUsage.Add(new ModelUsage(model, BinaryPrimitives.ReadInt64LittleEndian(span),
                BinaryPrimitives.ReadInt64LittleEndian(span[8..]), BinaryPrimitives.ReadInt64LittleEndian(span[16..]),
                BinaryPrimitives.ReadInt64LittleEndian(span[24..]), BinaryPrimitives.ReadDoubleLittleEndian(span[32..])));
            at += UsageBytes;
        }

        if (at < record.Length && record[at] == AssignmentTag)
        {
            at++;
            ReadAssignment(record, ref at, row, strings);
        }

        if (at != record.Length)
        {
            throw new FormatException("case record: trailing bytes");
        }
    }

    /// <summary>
    /// The assigned arm, unit and unit id. A case unit's id is the case's own pseudonym, one per case, so it is decoded
    /// anew instead of filling the cache; handler, team and period ids are few and come from the cache.
    /// </summary>
    private static void ReadAssignment(ReadOnlySpan<byte> record, ref int at, CaseRow row, Utf8StringCache strings)
    {
        row.AssignedArm = ReadString(record, ref at, strings);
        row.AssignmentUnit = ReadString(record, ref at, strings);
        var length = BinaryPrimitives.ReadInt32LittleEndian(Slice(record, at, 4));
        var id = length >= 0 ? Slice(record, at + 4, length) : throw new FormatException("case record: bad string length");
        row.AssignmentUnitId = row.AssignmentUnit == AssignmentUnits.Case ? Encoding.UTF8.GetString(id) : strings.Get(id);
        at += 4 + length;
    }

    private static int StringBytes(string value) => 4 + Encoding.UTF8.GetByteCount(value);

    private static int WriteString(string value, Span<byte> destination)
    {
        var count = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, count);
        return 4 + count;
    }

    private static string ReadString(ReadOnlySpan<byte> record, ref int at, Utf8StringCache strings)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(Slice(record, at, 4));
        if (length < 0)
        {
            throw new FormatException("case record: bad string length");
        }

        var value = strings.Get(Slice(record, at + 4, length));
        at += 4 + length;
        return value;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> record, int at, int length) =>
        at <= record.Length - length ? record.Slice(at, length) : throw new FormatException("case record: truncated");
}
