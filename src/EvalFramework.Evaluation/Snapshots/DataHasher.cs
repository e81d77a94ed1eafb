using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// SHA-256 over the canonical binary encoding of the data a snapshot used (docs/snapshots.md, "Verifying a
/// snapshot"): little-endian integers and IEEE-754 doubles, strings as a 4-byte length and UTF-8 bytes, one record
/// per case in ascending UTF-8 byte order of the case id, then staff-survey and maintenance records, sorted.
/// </summary>
internal sealed class DataHasher : IDisposable
{
    private const int FlushAt = 1 << 16;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[FlushAt + 4096];
    private byte[] _previousId = [];
    private int _length;

    public void Case(CaseRow row)
    {
        var idBytes = Encoding.UTF8.GetByteCount(row.CaseId);
        Ensure(1 + 4 + idBytes);
        Byte((byte)'C');
        String(row.CaseId);
        var id = _buffer.AsSpan(_length - idBytes, idBytes);
        if (_previousId.Length > 0 && id.SequenceCompareTo(_previousId) <= 0)
        {
            throw new ArgumentException(
                "cases must arrive in ascending UTF-8 byte order of the case id, each once (got '" + row.CaseId + "')", nameof(row));
        }

        _previousId = id.ToArray();
        String(row.CaseType);
        String(row.Arm);
        Int64(row.StartedMs);
        Int64(row.CompletedMs ?? long.MinValue);
        Double(row.EffortSeconds);
        Double(row.AiDurationMs);
        Int64(row.Escalations);
        Int64(row.Errors);
        Int64(row.Reviews);
        Int64(row.ReviewsIncorrect);
        Int64(row.ReviewsConsistencySet);
        Int64(row.ReviewsConsistent);
        Int64(row.IntegrationFailures);
        Int64(row.CsatCount);
        Int64(row.CsatSum);
        Int64(row.NpsCount);
        Int64(row.NpsPromoters);
        Int64(row.NpsDetractors);
        Int32(row.EffortByRole.Count);
        foreach (var effort in row.EffortByRole)
        {
            String(effort.Role);
            Double(effort.Seconds);
        }

        Int32(row.AiUsage.Count);
        foreach (var usage in row.AiUsage)
        {
            String(usage.Model);
            Int64(usage.InputTokens);
            Int64(usage.OutputTokens);
            Int64(usage.PricedInputTokens);
            Int64(usage.PricedOutputTokens);
            Double(usage.CostSek);
        }

        FlushIfFull();
    }

    public void StaffSurvey(string team, string arm, int wellbeing)
    {
        Byte((byte)'S');
        String(team);
        String(arm);
        Int32(wellbeing);
        FlushIfFull();
    }

    public void Maintenance(long timeMs, double hours, string? arm)
    {
        Byte((byte)'M');
        Int64(timeMs);
        Double(hours);
        String(arm ?? "");
        FlushIfFull();
    }

    /// <summary>The lower-case hex SHA-256 of everything written.</summary>
    public string Finish()
    {
        _hash.AppendData(_buffer, 0, _length);
        _length = 0;
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    private void Byte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    private void Int32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void Int64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    private void Double(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    private void String(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Ensure(4 + count);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), count);
        _length += 4;
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
            if (bytes > _buffer.Length)
            {
                throw new ArgumentException("a string in the data is too long to hash");
            }
        }
    }

    private void FlushIfFull()
    {
        if (_length >= FlushAt)
        {
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
        }
    }
}
