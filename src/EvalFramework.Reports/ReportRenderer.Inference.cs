using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>How the verdicts were reached: a look that is safe to check every day, the final result, or a fixed-horizon result.</summary>
internal sealed partial class ReportRenderer
{
    private InferenceText I => _t.Inference;

    private bool IsSequential => _s.Inference == Inference.Sequential;

    /// <summary>The header's "kind of result"; nothing for a snapshot from before it was recorded.</summary>
    private void InferenceFact()
    {
        if (_s.Inference is null)
        {
            return;
        }

        Fact(I.Kind, IsSequential ? I.Sequential : _s.Sequential is null ? I.FixedWithoutEnd : I.Final);
    }

    /// <summary>The paragraph under the header saying what that means for a manager.</summary>
    private void InferenceNote()
    {
        if (_s.Inference is not { } inference)
        {
            return;
        }

        var text = _s.Sequential switch
        {
            { } s when IsSequential => _t.Format(I.SequentialIntro, _f.Date(s.PlannedEnd), _f.Level(1 - s.Alpha)),
            { } s => _t.Format(I.FinalIntro, _f.Date(s.PlannedEnd), _f.Percent(s.FinalAlpha), _f.Percent(s.Alpha)),
            null => I.FixedIntro,
        };
        _h.Element("p", text, ("class", "inference"), ("data-inference", inference)).Line();
    }

    /// <summary>The significance level of the goals' and guardrails' verdicts: the daily looks', the final analysis' or the plan's.</summary>
    private double VerdictAlpha(PlanSummary plan) => _s.Sequential switch
    {
        { } s when IsSequential => s.Alpha,
        { } s => s.FinalAlpha,
        null => plan.Alpha,
    };

    /// <summary>The difference column's heading: a confidence sequence for goals and guardrails of a sequential snapshot.</summary>
    private string DifferenceHeading(string? role) =>
        IsSequential && _s.Sequential is { } s && role is ComparisonRoles.Primary or ComparisonRoles.Guardrail
            ? _t.Format(I.SequenceColumn, _f.Level(1 - s.Alpha))
            : _t.Format(_t.Difference, Level);

    /// <summary>Beside a goal's or guardrail's verdict: safe to check every day, or final result (a pilot with a planned end).</summary>
    private void InferenceTag(ComparisonResult c)
    {
        var tag = c.Inference switch
        {
            Inference.Sequential => I.SequentialTag,
            Inference.Fixed when _s.Sequential is not null && c.Role is ComparisonRoles.Primary or ComparisonRoles.Guardrail => I.FinalTag,
            _ => null,
        };
        if (tag is not null)
        {
            _h.Text(" ").Element("span", tag, ("class", "inference-tag i-" + c.Inference), ("data-inference", c.Inference));
        }
    }
}
