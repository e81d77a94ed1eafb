namespace EvalFramework.Collector.Otlp;

/// <summary>Which member of an OTLP <c>AnyValue</c> was set.</summary>
internal enum OtlpValueKind
{
    /// <summary>No member set: the attribute counts as absent.</summary>
    None,

    /// <summary><c>string_value</c> (1).</summary>
    String,

    /// <summary><c>bool_value</c> (2).</summary>
    Bool,

    /// <summary><c>int_value</c> (3).</summary>
    Int,

    /// <summary><c>double_value</c> (4).</summary>
    Double,

    /// <summary><c>array_value</c>, <c>kvlist_value</c> or <c>bytes_value</c>: never read, only known to be there.</summary>
    Other,
}
