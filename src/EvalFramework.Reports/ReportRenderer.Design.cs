using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>How cases reached their arm (the snapshot's <c>design</c>) and what that means for the comparisons.</summary>
internal sealed partial class ReportRenderer
{
    private DesignText D => _t.Design;

    /// <summary>The header's "how cases reached their arm"; nothing for a snapshot from before designs.</summary>
    private void DesignFact()
    {
        if (_s.Design is { } design)
        {
            Fact(D.Kind, D.Assigned.GetValueOrDefault(design.Unit, design.Unit));
        }
    }

    /// <summary>For a design by unit: the analysis by unit, the units per arm, the ICC range and what has too few units.</summary>
    private void DesignNote()
    {
        if (_s.Design is not { } design || design.Unit == "case")
        {
            return;
        }

        var units = D.UnitsOf(design.Unit);
        var sentences = new List<string>
        {
            _t.Format(D.ClusterRobust, units),
            _t.Format(D.UnitsPerArm, char.ToUpper(units[0], _t.Culture) + units[1..],
                string.Join(", ", design.UnitsPerArm.Select(a => _t.ArmName(a.Key) + " " + _f.Count(a.Value)))),
        };
        var icc = design.Icc.Select(i => i.Value).Where(double.IsFinite).ToList();
        if (icc.Count > 0)
        {
            sentences.Add(_t.Format(D.Icc, units, _f.Number(icc.Min(), 2), _f.Number(icc.Max(), 2)));
        }

        if (design.UnitsPerArm.Any(a => a.Value < design.MinUnitsPerArm))
        {
            sentences.Add(_t.Format(D.TooFewUnits, _f.Count(design.MinUnitsPerArm), units));
        }

        if (design.CasesWithoutUnit > 0)
        {
            sentences.Add(_t.Format(D.WithoutUnit, _f.Count(design.CasesWithoutUnit)));
        }

        _h.Element("p", string.Join(" ", sentences), ("class", "design"), ("data-unit", design.Unit)).Line();
    }

    /// <summary>How well the cases kept to their assignment; nothing when no case carried one.</summary>
    private void ComplianceNote()
    {
        if (_s.Compliance is not { Assigned: > 0 } compliance)
        {
            return;
        }

        var text = compliance.NonCompliantTotal == 0
            ? _t.Format(D.FullCompliance, _f.Count(compliance.Assigned))
            : _t.Format(D.Compliance, _f.Count(compliance.NonCompliantTotal), _f.Count(compliance.Assigned),
                _f.Percent((double)compliance.NonCompliantTotal / compliance.Assigned));
        _h.Element("p", text, ("class", "compliance")).Line();
    }

    /// <summary>The as-treated difference of a comparison in a case type with non-compliance, or empty.</summary>
    private string AsTreatedText(ComparisonResult c) =>
        c.AsTreated is { Difference: { } d } t
            ? " (" + _t.Format(D.AsTreated, _f.Difference(ReportMetrics.Unit(c.Metric), d, t.CiLow, t.CiHigh)) + ")"
            : "";

    /// <summary>A before/after design: when the AI started and whether the differences are differences in differences or not causal.</summary>
    private void BeforeAfterNote()
    {
        if (_s.BeforeAfter is not { } beforeAfter)
        {
            return;
        }

        var text = _t.Format(beforeAfter.Causal ? D.DifferenceInDifferences : D.BeforeAfterOnly, _f.Date(beforeAfter.AiStart));
        _h.Element("p", text, ("class", beforeAfter.Causal ? "before-after" : "before-after not-causal")).Line();
    }

    /// <summary>Beside a comparison of a before/after design without a control: not causal.</summary>
    private string NotCausalText() => _s.BeforeAfter is { Causal: false } ? " (" + D.NotCausal + ")" : "";
}
