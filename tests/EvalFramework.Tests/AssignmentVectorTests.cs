using System.Diagnostics;
using System.Globalization;
using EvalFramework.Tracking;

namespace EvalFramework.Tests;

/// <summary>
/// The assignment rule's cross-language test vectors (docs/assignment.md): the doc's Python block, run with python3,
/// prints exactly the doc's table, and the SDK gives the same position and arm for every row.
/// </summary>
public sealed class AssignmentVectorTests
{
    private const string Salt = "example-assignment-salt-2026";

    private static readonly string Doc = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "assignment.md"));

    /// <summary>The vector rows of the doc's table (after its header and separator).</summary>
    private static List<string> TableRows()
    {
        var lines = Doc.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.FindIndex(l => l.StartsWith("| arms | unit | unit id | u | arm |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/assignment.md has the test-vector table");
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))];
    }

    private static string PythonBlock()
    {
        const string open = "```python\n";
        var start = Doc.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/assignment.md has a python block");
        start += open.Length;
        return Doc[start..Doc.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Doc_HasTwelveVectorsCoveringEveryUnit()
    {
        var rows = TableRows();

        Assert.Equal(12, rows.Count);
        foreach (var unit in Contract.AssignmentUnits.All)
        {
            Assert.Contains(rows, r => r.Contains($"| {unit} |", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Doc_PythonBlock_PrintsTheTable()
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var python = Process.Start(start)!;
        await python.StandardInput.WriteAsync(PythonBlock());
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync();
        var error = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(python.ExitCode == 0, "python3 failed: " + error);
        Assert.Equal(TableRows(), output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList());
    }

    [Fact]
    public void Doc_EveryVector_SdkGivesTheSamePositionAndArm()
    {
        foreach (var row in TableRows())
        {
            var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var arms = cells[0].Split(',').Select(a => a.Split(':'))
                .Select(a => (a[0], double.Parse(a[1], CultureInfo.InvariantCulture))).ToList();
            var assigner = new ArmAssigner(Salt, arms);

            Assert.Equal(cells[3], assigner.Position(cells[1], cells[2]).ToString("F6", CultureInfo.InvariantCulture));
            Assert.Equal(cells[4], assigner.ArmOf(cells[1], cells[2]));
        }
    }
}
