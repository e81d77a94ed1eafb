using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EvalFramework.Evaluation.Snapshots.Accumulation;

/// <summary>
/// SHA-256 over the canonical binary encoding of the data a snapshot used (docs/snapshots.md, "Verifying a
/// snapshot"): little-endian integers and IEEE-754 doubles, strings as a 4-byte length and UTF-8 bytes, one record
/// per case used in ascending UTF-8 byte order of the case id, then per arm shown the person-level sums of its counted
/// staff-survey answers (what its well-being figure is computed from) and the maintenance records, sorted.
/// </summary>
internal sealed class DataHasher : IDisposable
{
    private const int FlushAt = 1 << 16;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[FlushAt + 4096];
    private byte[] _previousId = new byte[256];
    private int _previousIdLength;
    private int _length;

    /// <summary>Hashes one case (its <see cref="CaseRecordCodec"/> record).</summary>
    public void Case(CaseRow row)
    {
        var length = CaseRecordCodec.Length(row);
        Ensure(length);
        var record = _buffer.AsSpan(_length, length);
        CaseRecordCodec.Write(row, record);
        CheckOrder(CaseRecordCodec.CaseId(record));
        _length += length;
        FlushIfFull();
    }

    /// <summary>Hashes one case given as its stored <see cref="CaseRecordCodec"/> record.</summary>
    public void CaseRecord(ReadOnlySpan<byte> record)
    {
        CheckOrder(CaseRecordCodec.CaseId(record));
        if (record.Length > FlushAt)
        {
            Flush();
            _hash.AppendData(record);
            return;
        }

        Ensure(record.Length);
        record.CopyTo(_buffer.AsSpan(_length));
        _length += record.Length;
        FlushIfFull();
    }

    /// <summary>A case the snapshot leaves out: not hashed, but it must still arrive in order.</summary>
    public void Skip(string caseId) => CheckOrder(Encoding.UTF8.GetBytes(caseId));

    /// <summary>A case the snapshot leaves out, given by the case id of its record.</summary>
    public void Skip(ReadOnlySpan<byte> caseId) => CheckOrder(caseId);

    /// <summary>
    /// Hashes one arm's staff well-being at its unit, the person, as the sums the published figure is computed from
    /// (persons, sum and sum of squares of the person means): no person, team, group or answer.
    /// </summary>
    public void StaffWellbeing(string arm, long persons, double sum, double sumOfSquares)
    {
        Byte((byte)'P');
        String(arm);
        Int64(persons);
        Double(sum);
        Double(sumOfSquares);
        FlushIfFull();
    }

    public void Maintenance(long timeMs, double hours, string? arm, string? kind)
    {
        Byte((byte)'M');
        Int64(timeMs);
        Double(hours);
        String(arm ?? "");
        String(kind ?? "");
        FlushIfFull();
    }

    /// <summary>The lower-case hex SHA-256 of everything written.</summary>
    public string Finish()
    {
        Flush();
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

    private void CheckOrder(ReadOnlySpan<byte> id)
    {
        if (_previousIdLength > 0 && id.SequenceCompareTo(_previousId.AsSpan(0, _previousIdLength)) <= 0)
        {
            throw new ArgumentException(
                "cases must arrive in ascending UTF-8 byte order of the case id, each once (got '" + Encoding.UTF8.GetString(id) + "')");
        }

        if (_previousId.Length < id.Length)
        {
            _previousId = new byte[Math.Max(id.Length, 2 * _previousId.Length)];
        }

        id.CopyTo(_previousId);
        _previousIdLength = id.Length;
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _length);
        _length = 0;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Flush();
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
            Flush();
        }
    }
}
