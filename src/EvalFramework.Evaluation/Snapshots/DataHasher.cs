using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// SHA-256 over the canonical binary encoding of the data a snapshot used (README.md, "Verifying a
/// snapshot"): little-endian integers and IEEE-754 doubles, strings as a 4-byte length and UTF-8 bytes, one record
/// per case in ascending UTF-8 byte order of the case id, then staff-survey and maintenance records, sorted.
/// </summary>
internal sealed class DataHasher : IDisposable
{
    private const int FlushAt = 1 << 16;
    private const int MaxCachedStrings = 4096;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[FlushAt + 4096];
    private byte[] _previousId = new byte[256];
    private int _previousIdLength;
    private int _length;
    private readonly Dictionary<string, byte[]> _encoded = new(StringComparer.Ordinal);

    public void Case(CaseRow row)
    {
        var idBytes = Encoding.UTF8.GetByteCount(row.CaseId);
        Ensure(1 + 4 + idBytes);
        Byte((byte)'C');
        String(row.CaseId);
        var id = _buffer.AsSpan(_length - idBytes, idBytes);
        if (_previousIdLength > 0 && id.SequenceCompareTo(_previousId.AsSpan(0, _previousIdLength)) <= 0)
        {
            throw new ArgumentException(
                "cases must arrive in ascending UTF-8 byte order of the case id, each once (got '" + row.CaseId + "')", nameof(row));
        }

        if (_previousId.Length < idBytes)
        {
            _previousId = new byte[Math.Max(idBytes, 2 * _previousId.Length)];
        }

        id.CopyTo(_previousId);
        _previousIdLength = idBytes;
        Cached(row.CaseType);
        Cached(row.Arm);

        // The fixed-size part in one go: 2 × i64 + 2 × f64 + 14 × i64.
        Ensure(18 * 8);
        var span = _buffer.AsSpan(_length, 18 * 8);
        BinaryPrimitives.WriteInt64LittleEndian(span, row.StartedMs);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], row.CompletedMs ?? long.MinValue);
        BinaryPrimitives.WriteDoubleLittleEndian(span[16..], row.EffortSeconds);
        BinaryPrimitives.WriteDoubleLittleEndian(span[24..], row.AiDurationMs);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], row.Escalations);
        BinaryPrimitives.WriteInt64LittleEndian(span[40..], row.Errors);
        BinaryPrimitives.WriteInt64LittleEndian(span[48..], row.Reviews);
        BinaryPrimitives.WriteInt64LittleEndian(span[56..], row.ReviewsIncorrect);
        BinaryPrimitives.WriteInt64LittleEndian(span[64..], row.ReviewsConsistencySet);
        BinaryPrimitives.WriteInt64LittleEndian(span[72..], row.ReviewsConsistent);
        BinaryPrimitives.WriteInt64LittleEndian(span[80..], row.IntegrationFailures);
        BinaryPrimitives.WriteInt64LittleEndian(span[88..], row.CsatCount);
        BinaryPrimitives.WriteInt64LittleEndian(span[96..], row.CsatSum);
        BinaryPrimitives.WriteInt64LittleEndian(span[104..], row.NpsCount);
        BinaryPrimitives.WriteInt64LittleEndian(span[112..], row.NpsPromoters);
        BinaryPrimitives.WriteInt64LittleEndian(span[120..], row.NpsDetractors);
        BinaryPrimitives.WriteInt32LittleEndian(span[128..], row.EffortByRole.Count);
        _length += 132;
        foreach (var effort in row.EffortByRole)
        {
            Cached(effort.Role);
            Double(effort.Seconds);
        }

        Int32(row.AiUsage.Count);
        foreach (var usage in row.AiUsage)
        {
            Cached(usage.Model);
            Ensure(5 * 8);
            span = _buffer.AsSpan(_length, 5 * 8);
            BinaryPrimitives.WriteInt64LittleEndian(span, usage.InputTokens);
            BinaryPrimitives.WriteInt64LittleEndian(span[8..], usage.OutputTokens);
            BinaryPrimitives.WriteInt64LittleEndian(span[16..], usage.PricedInputTokens);
            BinaryPrimitives.WriteInt64LittleEndian(span[24..], usage.PricedOutputTokens);
            BinaryPrimitives.WriteDoubleLittleEndian(span[32..], usage.CostSek);
            _length += 40;
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

    /// <summary>Writes a string from a small closed set (case type, arm, role, model), encoded once.</summary>
    private void Cached(string value)
    {
        if (!_encoded.TryGetValue(value, out var encoded))
        {
            encoded = new byte[4 + Encoding.UTF8.GetByteCount(value)];
            BinaryPrimitives.WriteInt32LittleEndian(encoded, encoded.Length - 4);
            Encoding.UTF8.GetBytes(value, encoded.AsSpan(4));
            if (_encoded.Count >= MaxCachedStrings)
            {
                _encoded.Clear();
            }

            _encoded.Add(value, encoded);
        }

        Ensure(encoded.Length);
        encoded.CopyTo(_buffer.AsSpan(_length));
        _length += encoded.Length;
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
