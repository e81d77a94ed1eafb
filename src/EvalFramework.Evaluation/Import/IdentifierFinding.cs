using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Import;

/// <summary>An identifier found in a cell of a case file: where and what kind, never the value.</summary>
/// <param name="Row">The file's row number (the header is row 1).</param>
/// <param name="Column">The column's name, or <c>column N</c> when the header does not name it safely.</param>
/// <param name="Kind">What the privacy guard found.</param>
public sealed record IdentifierFinding(int Row, string Column, IdentifierKind Kind);
