using System.Globalization;

namespace EvalFramework.Contract;

/// <summary>
/// One type-specific field of the wire contract, declared once in <see cref="WireFields"/>: its wire name, what it
/// holds, its bounds or allowed values, how to read it from a <see cref="WireEvent"/> and whether it becomes a metric
/// label. Which types carry it, and whether they require it, is said by <see cref="EventShapes"/>.
/// </summary>
public sealed class WireField
{
    /// <summary>Declares a field.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="kind">What it holds.</param>
    /// <param name="read">Reads it from an event (null when left out).</param>
    public WireField(string name, FieldKind kind, Func<WireEvent, object?> read)
    {
        Name = name;
        Kind = kind;
        Read = read;
    }

    /// <summary>The wire name, as errors name it.</summary>
    public string Name { get; }

    /// <summary>What it holds.</summary>
    public FieldKind Kind { get; }

    /// <summary>Reads the field from an event (null when the event leaves it out).</summary>
    public Func<WireEvent, object?> Read { get; }

    /// <summary>The allowed values of an <see cref="FieldKind.Enum"/>.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>The smallest value of a range.</summary>
    public double Min { get; init; }

    /// <summary>The largest value of a range; the longest <see cref="FieldKind.Text"/> or <see cref="FieldKind.Slug"/>.</summary>
    public double Max { get; init; } = 64;

    /// <summary>Whether the value becomes a label of the collector's metrics.</summary>
    public bool IsMetricLabel { get; init; }

    /// <summary>The rules of an <see cref="FieldKind.Object"/>'s content: the errors of one value (fields named inside it).</summary>
    public Func<object, IEnumerable<EventError>>? CheckObject { get; init; }

    /// <summary>
    /// The members of an <see cref="FieldKind.Object"/> that a pilot's vocabulary closes, each with its list: every
    /// <see cref="MemberValue.Use"/> <see cref="ClosedMembers"/> can yield.
    /// </summary>
    public IReadOnlyList<FieldUse> Members { get; init; } = [];

    /// <summary>The closed values inside an <see cref="FieldKind.Object"/>'s value (uses from <see cref="Members"/>), for the vocabulary check.</summary>
    public Func<object, IEnumerable<MemberValue>>? ClosedMembers { get; init; }

    /// <summary>The error when a type that requires the field lacks it.</summary>
    public EventError Missing() => new(Name, EventErrorCodes.Required, Kind switch
    {
        FieldKind.Enum => "required (one of " + string.Join(", ", Allowed ?? []) + ")",
        FieldKind.Bool => "required (true or false)",
        _ => "required",
    });

    /// <summary>The errors of a present value (none when it is valid); the value is never echoed.</summary>
    /// <param name="value">What <see cref="Read"/> returned.</param>
    public IEnumerable<EventError> Check(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (Kind)
        {
            case FieldKind.Slug when value is not string s || !EventValidator.IsSlug(s, (int)Max):
                yield return new(Name, EventErrorCodes.Invalid, Invariant($"must be a slug of 1–{Max}") + " characters: a-z or 0-9 first, then a-z, 0-9, '_' or '-'");
                break;
            case FieldKind.Enum when value is not string s || Allowed is null || !Allowed.Contains(s):
                yield return new(Name, EventErrorCodes.Invalid, "must be one of " + string.Join(", ", Allowed ?? []));
                break;
            case FieldKind.Text when value is not string s || s.Length == 0 || s.Length > Max || !EventValidator.IsPlainText(s):
                yield return new(Name, EventErrorCodes.Invalid, Invariant($"must be 1–{Max}") + " characters without control or invisible formatting characters");
                break;
            case FieldKind.IntRange when ToDouble(value) is not { } n || n < Min || n > Max:
                yield return new(Name, EventErrorCodes.OutOfRange, Invariant($"must be an integer from {Min} to {Max}"));
                break;
            case FieldKind.DoubleRange when ToDouble(value) is not { } d || !(d >= Min && d <= Max):
                yield return new(Name, EventErrorCodes.OutOfRange, Min == 0
                    ? Invariant($"must be between {Min} and {Max}")
                    : Invariant($"must be at least {Min} and at most {Max}"));
                break;
            case FieldKind.Pseudonym when value is not string s || !EventValidator.IsPseudonym(s):
                yield return new(Name, EventErrorCodes.Invalid, "must be a pseudonym: 64 lower-case hex characters (HMAC-SHA256, as the SDK makes it)");
                break;
            case FieldKind.Object when CheckObject is not null:
                foreach (var error in CheckObject(value))
                {
                    yield return error;
                }

                break;
        }
    }

    /// <summary>The personal identifier a present value looks like, for the kinds that carry client text.</summary>
    /// <param name="value">What <see cref="Read"/> returned.</param>
    public IdentifierKind? FindIdentifier(object? value) => (Kind, value) switch
    {
        (FieldKind.Slug, string s) => IdentifierGuard.FindInSlug(s),
        (FieldKind.Text, string s) => IdentifierGuard.Find(s),
        (FieldKind.Pseudonym, string s) when !EventValidator.IsPseudonym(s) => IdentifierGuard.Find(s),
        _ => null,
    };

    private static double? ToDouble(object value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        _ => null,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
