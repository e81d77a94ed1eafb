using System.Globalization;
using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Import;

/// <summary>An identifier found in a cell of a case file: where and what kind, never the value.</summary>
/// <param name="Row">The file's row number (the header is row 1).</param>
/// <param name="ColumnNumber">The cell's position in its row, from 1.</param>
/// <param name="ColumnName">
/// The column's name from the header, or null when the header does not name it safely (the header cell is itself an
/// identifier, or the row has more cells than the header): then the column is named by <paramref name="ColumnNumber"/>.
/// </param>
/// <param name="Kind">What the privacy guard found.</param>
public sealed record IdentifierFinding(int Row, int ColumnNumber, string? ColumnName, IdentifierKind Kind)
{
    /// <summary>The cell, as the data check names it: <c>row 4, column reference</c> or <c>row 1, column 9</c>.</summary>
    public string Where => string.Create(CultureInfo.InvariantCulture, $"row {Row}, column {ColumnName ?? ColumnNumber.ToString(CultureInfo.InvariantCulture)}");
}
