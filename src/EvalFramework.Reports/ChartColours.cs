namespace EvalFramework.Reports;

/// <summary>Chart colours: distinct, and each at least 3:1 against white (WCAG 1.4.11 for graphics).</summary>
internal static class ChartColours
{
    private static readonly string[] Arms = ["#57606a", "#0b5cad", "#8250df", "#9a6700"];

    public const string Staff = "#0b5cad";
    public const string Ai = "#bc4c00";
    public const string Fixed = "#4d7c0f";
    public const string Maintenance = "#8250df";

    /// <summary>The colour of the arm at this position (the baseline first).</summary>
    public static string Arm(int index) => Arms[index % Arms.Length];
}
