using System.Buffers.Binary;
using System.Security.Cryptography;
using EvalFramework.Contract;

namespace EvalFramework.Tracking;

/// <summary>
/// Makes event ids: RFC 9562 UUIDv7 (48-bit Unix milliseconds, version 7, variant 10, 74 random bits), the same
/// layout as <see cref="Guid.CreateVersion7(DateTimeOffset)"/>. The random bits come from the operating system's
/// CSPRNG in blocks kept per thread, because asking it once per id (as <see cref="Guid.CreateVersion7()"/> does)
/// costs a system call, about a microsecond, on the caller's thread.
/// </summary>
internal static class EventIds
{
    private const int RandomBytesPerId = 10;
    private const int BufferSize = RandomBytesPerId * 400;

    [ThreadStatic]
    private static byte[]? _random;

    [ThreadStatic]
    private static int _offset;

    /// <summary>
    /// A new UUIDv7 for <paramref name="now"/>, as its 36-character string. About one in a million has twelve random
    /// digits that form a valid personal identity number, which the collector would refuse: such an id is drawn again.
    /// </summary>
    public static string NewId(DateTimeOffset now)
    {
        var id = NewGuid(now).ToString();
        for (var attempt = 0; attempt < 8 && IdentifierGuard.Find(id) is not null; attempt++)
        {
            id = NewGuid(now).ToString();
        }

        return id;
    }

    /// <summary>A new UUIDv7 for <paramref name="now"/> (times before 1970 count as 1970).</summary>
    public static Guid NewGuid(DateTimeOffset now)
    {
        var random = _random;
        if (random is null || _offset > BufferSize - RandomBytesPerId)
        {
            random ??= _random = new byte[BufferSize];
            RandomNumberGenerator.Fill(random);
            _offset = 0;
        }

        var source = random.AsSpan(_offset, RandomBytesPerId);
        _offset += RandomBytesPerId;

        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = Math.Max(0, now.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        source.CopyTo(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
