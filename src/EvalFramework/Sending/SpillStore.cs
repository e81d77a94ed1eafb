using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using EvalFramework.Contract;
using EvalFramework.Telemetry;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Sending;

/// <summary>
/// A bounded, append-only queue of serialized batches in segment files (<c>00000001.spill</c>, …) of one folder.
/// Each record is a 16-byte header (magic, payload length, event count, CRC-32C of count and payload) and the
/// payload. Records are flushed to the operating system as they are written (a process crash loses nothing) and a
/// segment is fsynced when it is closed or the store is disposed. Used by the sender's task only: not thread-safe,
/// except <see cref="Bytes"/>. I/O errors are thrown to the sender, which then stops spilling.
/// </summary>
internal sealed class SpillStore : IDisposable
{
    /// <summary>The size of a record header.</summary>
    public const int HeaderBytes = 16;

    /// <summary>The segment files' extension.</summary>
    public const string Extension = ".spill";

    /// <summary>The file held open (exclusively) while a store uses the folder.</summary>
    public const string LockFileName = "spill.lock";

    private const uint Magic = 0x31534645; // "EFS1"
    private const long MinSegmentBytes = 64 * 1024;
    private const long MaxSegmentBytes = 4 * 1024 * 1024;
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly long _segmentBytes;
    private readonly Action<SpillDrop> _dropped;
    private readonly ILogger _logger;
    private readonly List<SpillSegment> _segments = [];
    private FileStream? _lock;
    private FileStream? _writer;
    private SpillRecord? _peeked;
    private long _readPosition;
    private long _nextSequence = 1;
    private long _bytes;

    /// <param name="directory">The folder; created if missing.</param>
    /// <param name="maxBytes">The cap on the segments' total size.</param>
    /// <param name="dropped">Told about events given up on (oldest dropped for room, or unreadable).</param>
    /// <param name="logger">Where problems are logged.</param>
    public SpillStore(string directory, long maxBytes, Action<SpillDrop> dropped, ILogger logger)
    {
        _directory = Path.GetFullPath(directory);
        _maxBytes = maxBytes;
        _segmentBytes = Math.Clamp(maxBytes / 16, MinSegmentBytes, MaxSegmentBytes);
        _dropped = dropped;
        _logger = logger;
    }

    /// <summary>Bytes in the segment files; safe to read from any thread.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>Whether no spilled batch waits.</summary>
    public bool IsEmpty => _segments.Count == 0;

    /// <summary>The folder, as a full path.</summary>
    public string Directory => _directory;

    /// <summary>
    /// Takes the folder (an exclusive lock file; throws <see cref="IOException"/> when another tracker has it) and
    /// picks up the segments an earlier process left, oldest first.
    /// </summary>
    /// <returns>How many readable events the leftovers hold.</returns>
    public long Open()
    {
        System.IO.Directory.CreateDirectory(_directory);
        _lock = new FileStream(Path.Combine(_directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var found = new List<(long Sequence, string Path)>();
        foreach (var path in System.IO.Directory.EnumerateFiles(_directory, "*" + Extension))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.Length > 0 && name.All(char.IsAsciiDigit) && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                found.Add((sequence, path));
            }
        }

        long events = 0;
        foreach (var (sequence, path) in found.OrderBy(f => f.Sequence))
        {
            _nextSequence = Math.Max(_nextSequence, sequence + 1);
            var segment = Scan(path);
            if (segment.Events == 0)
            {
                if (segment.Bytes > 0)
                {
                    Log.SpillUnreadable(_logger, path, 0, "no readable record", 0);
                }

                File.Delete(path);
                continue;
            }

            _segments.Add(segment);
            events += segment.Events;
            Volatile.Write(ref _bytes, _bytes + segment.Bytes);
        }

        return events;
    }

    /// <summary>
    /// Appends a batch, first deleting the oldest segments while the new record would not fit under the cap.
    /// </summary>
    /// <param name="body">The serialized batch, at most <see cref="EventBatch.MaxBytes"/>.</param>
    /// <param name="count">How many events it holds.</param>
    public void Append(byte[] body, int count)
    {
        var size = HeaderBytes + (long)body.Length;
        while (_bytes + size > _maxBytes && _segments.Count > 0)
        {
            var oldest = _segments[0];
            var lost = oldest.Events - oldest.Handled;
            RemoveOldest();
            if (lost > 0)
            {
                _dropped(new SpillDrop(lost, oldest.Inherited, DropReasons.SpillFull));
            }
        }

        if (size > _maxBytes)
        {
            _dropped(new SpillDrop(count, false, DropReasons.SpillFull));
            return;
        }

        if (_writer is null)
        {
            var path = Path.Combine(_directory, _nextSequence.ToString("D8", CultureInfo.InvariantCulture) + Extension);
            _nextSequence++;
            _writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 64 * 1024);
            _segments.Add(new SpillSegment(path, inherited: false));
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        WriteHeader(header, body, count);
        _writer.Write(header);
        _writer.Write(body);
        _writer.Flush();
        var segment = _segments[^1];
        segment.Bytes += size;
        segment.Events += count;
        Volatile.Write(ref _bytes, _bytes + size);
        if (segment.Bytes >= _segmentBytes)
        {
            Seal();
        }
    }

    /// <summary>The oldest spilled batch, without removing it; false when there is none.</summary>
    public bool TryPeek(out SpillRecord record)
    {
        while (_peeked is null && _segments.Count > 0)
        {
            var segment = _segments[0];
            if (_readPosition >= segment.Bytes)
            {
                RemoveOldest();
                continue;
            }

            _peeked = ReadAt(segment);
        }

        record = _peeked!;
        return _peeked is not null;
    }

    /// <summary>
    /// Forgets <paramref name="record"/>, which <see cref="TryPeek"/> returned, and deletes its segment once every batch
    /// in it is done. False, doing nothing, when the record is gone already (its segment was dropped to make room).
    /// </summary>
    public bool Advance(SpillRecord record)
    {
        if (_peeked is null || !ReferenceEquals(_peeked, record))
        {
            return false;
        }

        var segment = _segments[0];
        _readPosition += _peeked.Size;
        segment.Handled += _peeked.Count;
        _peeked = null;
        if (_readPosition >= segment.Bytes)
        {
            RemoveOldest();
        }

        return true;
    }

    /// <summary>Closes the open segment with an fsync and lets go of the folder; what is spilled stays for the next process.</summary>
    public void Dispose()
    {
        try
        {
            Seal();
        }
        finally
        {
            _lock?.Dispose();
            _lock = null;
        }
    }

    private static uint Checksum(int count, ReadOnlySpan<byte> payload)
    {
        var crc = BitOperations.Crc32C(uint.MaxValue, (uint)count);
        while (payload.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(payload));
            payload = payload[sizeof(ulong)..];
        }

        foreach (var b in payload)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }

    private static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> body, int count)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], body.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], Checksum(count, body));
    }

    /// <summary>Why a header cannot start a record, or null when it can.</summary>
    private static string? CheckHeader(ReadOnlySpan<byte> header, long position, long fileBytes, out int length, out int count)
    {
        length = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        count = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
        {
            return "bad record header";
        }

        if (length is < 1 or > EventBatch.MaxBytes || count is < 1 or > EventBatch.MaxEvents)
        {
            return "impossible record length or count";
        }

        return position + HeaderBytes + length > fileBytes ? "truncated record" : null;
    }

    /// <summary>A leftover segment: its size and the events of its well-formed headers, up to the first bad one.</summary>
    private static SpillSegment Scan(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var segment = new SpillSegment(path, inherited: true) { Bytes = stream.Length, Sealed = true };
        Span<byte> header = stackalloc byte[HeaderBytes];
        long position = 0;
        while (position + HeaderBytes <= segment.Bytes)
        {
            stream.Position = position;
            stream.ReadExactly(header);
            if (CheckHeader(header, position, segment.Bytes, out var length, out var count) is not null)
            {
                break;
            }

            segment.Events += count;
            position += HeaderBytes + length;
        }

        return segment;
    }

    /// <summary>The record at the read position; a damaged record or tail is logged, counted and skipped.</summary>
    private SpillRecord? ReadAt(SpillSegment segment)
    {
        using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        stream.Position = _readPosition;
        Span<byte> header = stackalloc byte[HeaderBytes];
        var problem = "truncated record header";
        if (_readPosition + HeaderBytes <= segment.Bytes && stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) == HeaderBytes)
        {
            problem = CheckHeader(header, _readPosition, segment.Bytes, out var length, out var count);
            if (problem is null)
            {
                var body = new byte[length];
                if (stream.ReadAtLeast(body, length, throwOnEndOfStream: false) < length)
                {
                    problem = "truncated record";
                }
                else if (BinaryPrimitives.ReadUInt32LittleEndian(header[12..]) != Checksum(count, body))
                {
                    // The length is plausible, so only this record is skipped.
                    Log.SpillUnreadable(_logger, segment.Path, _readPosition, "checksum mismatch", count);
                    _readPosition += HeaderBytes + length;
                    segment.Handled += count;
                    _dropped(new SpillDrop(count, segment.Inherited, DropReasons.SpillCorrupt));
                    return null;
                }
                else
                {
                    return new SpillRecord(body, count, segment.Inherited);
                }
            }
        }

        // Nothing after a damaged header can be trusted: the rest of the segment is skipped.
        var lost = Math.Max(0, segment.Events - segment.Handled);
        Log.SpillUnreadable(_logger, segment.Path, _readPosition, problem, lost);
        _readPosition = segment.Bytes;
        segment.Handled = segment.Events;
        if (lost > 0)
        {
            _dropped(new SpillDrop(lost, segment.Inherited, DropReasons.SpillCorrupt));
        }

        return null;
    }

    private void Seal()
    {
        if (_writer is null)
        {
            return;
        }

        var writer = _writer;
        _writer = null;
        _segments[^1].Sealed = true;
        try
        {
            writer.Flush(flushToDisk: true);
        }
        finally
        {
            writer.Dispose();
        }
    }

    private void RemoveOldest()
    {
        var segment = _segments[0];
        if (!segment.Sealed)
        {
            _writer?.Dispose();
            _writer = null;
            segment.Sealed = true;
        }

        _segments.RemoveAt(0);
        _peeked = null;
        _readPosition = 0;
        Volatile.Write(ref _bytes, _bytes - segment.Bytes);
        File.Delete(segment.Path);
    }
}
