namespace EvalFramework.Contract;

/// <summary>What a wire field holds, and so which rule checks it.</summary>
public enum FieldKind
{
    /// <summary>A slug: <c>[a-z0-9][a-z0-9_-]*</c>, 1–64 characters; checked for personal identifiers.</summary>
    Slug,

    /// <summary>One of a fixed list of values (<see cref="WireField.Allowed"/>).</summary>
    Enum,

    /// <summary>An integer within <see cref="WireField.Min"/> and <see cref="WireField.Max"/>.</summary>
    IntRange,

    /// <summary>A number within <see cref="WireField.Min"/> and <see cref="WireField.Max"/>.</summary>
    DoubleRange,

    /// <summary><see langword="true"/> or <see langword="false"/>.</summary>
    Bool,

    /// <summary>Free text of 1–<see cref="WireField.Max"/> characters without control or invisible formatting characters; checked for personal identifiers.</summary>
    Text,

    /// <summary>A nested object whose own rules <see cref="WireField.CheckObject"/> applies.</summary>
    Object,

    /// <summary>An HMAC-SHA256 pseudonym made by the SDK: 64 lower-case hex digits; any other value is checked for personal identifiers.</summary>
    Pseudonym,
}
