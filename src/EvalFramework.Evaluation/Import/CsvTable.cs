using System.Text;

namespace EvalFramework.Evaluation.Import;

/// <summary>
/// A comma-separated file read as text (RFC 4180: fields in double quotes may hold commas, line breaks and doubled
/// quotes): its header and its data rows. Rows are numbered as a spreadsheet shows them, the header being row 1.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    /// <summary>The column names of the first row, trimmed.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows; row <c>i</c> is the file's row <c>i + 2</c>.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The file's row number of data row <paramref name="index"/> (the header is row 1).</summary>
    public static int RowNumber(int index) => index + 2;

    /// <summary>Reads a table; a blank line is skipped.</summary>
    /// <exception cref="FormatException">A quoted field is not closed (the message names the row, never the text).</exception>
    public static CsvTable Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    EndRecord(records, fields, field);
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"row {records.Count + 1}: a quoted field is not closed");
        }

        EndRecord(records, fields, field);
        return records.Count == 0
            ? new CsvTable([], [])
            : new CsvTable([.. records[0].Select(h => h.Trim())], records.Skip(1).ToList());
    }

    private static void EndRecord(List<string[]> records, List<string> fields, StringBuilder field)
    {
        fields.Add(field.ToString());
        field.Clear();
        if (fields.Count > 1 || fields[0].Length > 0)
        {
            records.Add([.. fields]);
        }

        fields.Clear();
    }
}
