using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EvalFramework.Tracking;

/// <summary>
/// Assigns a unit to an arm, deterministically and the same in any language (docs/assignment.md): the HMAC-SHA256,
/// keyed with the UTF-8 bytes of the assignment salt, of the UTF-8 bytes of <c>unit:unitId</c>; its first 8 bytes as a
/// big-endian unsigned integer, shifted right by 11 bits and divided by 2^53, give a number u in [0, 1) (exactly, no
/// rounding); the arm is the first, in the config's order, whose cumulative share divided by the total share
/// (IEEE-754 double arithmetic, left to right) is greater than u.
/// </summary>
internal sealed class ArmAssigner
{
    private const double TwoToThe53 = 9007199254740992.0;

    private readonly byte[] _salt;
    private readonly string[] _arms;
    private readonly double[] _thresholds;
    private readonly string _lastWithShare;

    /// <summary>An assigner for arms in the config's order; their shares must be finite, at least 0, with a positive total.</summary>
    public ArmAssigner(string salt, IReadOnlyList<(string Name, double Share)> arms)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(arms);
        _salt = Encoding.UTF8.GetBytes(salt);
        _arms = [.. arms.Select(a => a.Name)];
        var total = 0.0;
        foreach (var (_, share) in arms)
        {
            total += share;
        }

        _thresholds = new double[arms.Count];
        var running = 0.0;
        for (var i = 0; i < arms.Count; i++)
        {
            running += arms[i].Share;
            _thresholds[i] = running / total;
        }

        _lastWithShare = arms.Last(a => a.Share > 0).Name;
    }

    /// <summary>The number in [0, 1) that places <paramref name="unitId"/> of <paramref name="unit"/> among the arms.</summary>
    public double Position(string unit, string unitId)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(unit + ":" + unitId), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / TwoToThe53;
    }

    /// <summary>The arm of <paramref name="unitId"/> of <paramref name="unit"/>.</summary>
    public string ArmOf(string unit, string unitId)
    {
        var u = Position(unit, unitId);
        for (var i = 0; i < _thresholds.Length; i++)
        {
            if (u < _thresholds[i])
            {
                return _arms[i];
            }
        }

        // Only when rounding leaves the last cumulative share just below 1.
        return _lastWithShare;
    }
}
