using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>How a verdict looks: the badge's CSS class and the forest plot's colour (each at least 4.5:1 on white).</summary>
internal static class VerdictStyle
{
    public static string CssClass(string verdict) => "v-" + verdict switch
    {
        Verdicts.Improved or Verdicts.NonInferior => "good",
        Verdicts.Worsened or Verdicts.Inferior => "bad",
        Verdicts.Inconclusive => "unsure",
        Verdicts.InsufficientData => "none",
        _ => "neutral",
    };

    public static string Colour(string verdict) => verdict switch
    {
        Verdicts.Improved or Verdicts.NonInferior => "#1a7f37",
        Verdicts.Worsened or Verdicts.Inferior => "#b42318",
        Verdicts.Inconclusive => "#8a5a00",
        Verdicts.InsufficientData => "#6b7280",
        _ => "#1f4e79",
    };

    /// <summary>Whether the verdict says something (a filled marker); else the marker is hollow.</summary>
    public static bool Decisive(string verdict) =>
        verdict is Verdicts.Improved or Verdicts.Worsened or Verdicts.NonInferior or Verdicts.Inferior;
}
