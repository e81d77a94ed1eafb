using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>
/// The analysis plan and the comparisons grouped by role: primary first (the answer), then guardrails, then the
/// secondary ones labelled exploratory. A snapshot made before analysis plans has no roles: its comparisons are shown
/// in one group, as they were.
/// </summary>
internal sealed partial class ReportRenderer
{
    /// <summary>The roles in page order.</summary>
    private static readonly string[] RoleOrder = [ComparisonRoles.Primary, ComparisonRoles.Guardrail, ComparisonRoles.Secondary];

    private PlanText P => _t.Plan;

    /// <summary>The plan: alpha, the primary measures, the guardrails with margins, registration; a warning when it is not to be trusted.</summary>
    private void PlanSection(PlanSummary plan)
    {
        OpenSection(ReportSections.Plan, P.Title);
        _h.Element("p", P.Intro, ("class", "lead"));
        if (PlanWarning(plan) is { } warning)
        {
            _h.Element("p", warning, ("class", "warn plan-warning"), ("role", "note"));
        }

        if (!plan.Configured)
        {
            _h.Element("p", P.DefaultPlan, ("class", "warn"));
        }

        _h.Open("dl", ("class", "facts plan"));
        _h.Element("dt", P.Alpha).Element("dd", _f.Number(plan.Alpha, plan.Alpha * 100 % 1 == 0 ? 2 : 3) + " (" + _f.Percent(plan.Alpha) + ")");
        _h.Element("dt", P.PrimaryMeasures).Open("dd");
        PlannedList(plan.Primary, "plan-primary", P.NoPrimary);
        _h.Close("dd").Element("dt", P.Guardrails).Open("dd");
        PlannedList(plan.Guardrails, "plan-guardrails", "–");
        _h.Close("dd").Element("dt", P.Secondary).Element("dd", P.SecondaryAll);
        _h.Element("dt", P.Registration).Element("dd", plan.Registered is { } r
            ? _t.Format(plan.ChangedAfterRegistration == true ? P.ChangedShort
                : plan.RegisteredAfterData == true ? P.RegisteredLateShort : P.RegisteredSame, _f.DateTime(r.RegisteredAt))
            : P.NotRegisteredShort);
        _h.Element("dt", P.PlanHash).Open("dd").Element("code", plan.Sha256, ("class", "hash")).Close("dd");
        _h.Close("dl").Line();
        CloseSection();
    }

    /// <summary>
    /// The warning a reader must see before the verdicts: a plan changed after registration, one registered only after
    /// the period's first case started, or none registered.
    /// </summary>
    private string? PlanWarning(PlanSummary plan) => plan switch
    {
        { Registered: { } r, ChangedAfterRegistration: true } =>
            _t.Format(P.ChangedAfterRegistration, _f.DateTime(r.RegisteredAt), Short(r.Sha256), Short(plan.Sha256)),
        { Registered: { } r, RegisteredAfterData: true } => _t.Format(P.RegisteredAfterData, _f.DateTime(r.RegisteredAt)),
        { Registered: null } => P.NotRegistered,
        _ => null,
    };

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;

    private void PlannedList(IReadOnlyList<PlannedMetric> planned, string cssClass, string none)
    {
        if (planned.Count == 0)
        {
            _h.Text(none);
            return;
        }

        _h.Open("ul", ("class", cssClass));
        foreach (var m in planned)
        {
            var text = _t.Metric(m.Metric).Name + " – " + (m.CaseType is null ? P.AllCaseTypes : CaseTypeLabel(m.CaseType));
            if (m.Margin is { } margin)
            {
                text += ", " + _t.Format(P.Margin, _f.Magnitude(ReportMetrics.Unit(m.Metric), margin, margin));
            }

            _h.Element("li", text, ("data-metric", m.Metric));
        }

        _h.Close("ul");
    }

    /// <summary>The comparisons section: one group per role (or one group for a snapshot without roles).</summary>
    private void Comparisons()
    {
        OpenSection(ReportSections.Comparisons, _t.ForestTitle);
        var intro = _t.Format(_t.ForestIntro, TreatmentNames, BaselineName, Level);
        _h.Element("p", intro, ("class", "lead"));
        var comparisons = _s.AllComparisons().ToList();
        if (comparisons.Count == 0)
        {
            _h.Element("p", _t.NoComparisons, ("class", "na"));
        }
        else if (_s.Plan is not { } plan)
        {
            ComparisonGroup("forest", _t.ForestTitle, intro, comparisons, role: null);
        }
        else
        {
            foreach (var role in RoleOrder)
            {
                var group = comparisons.Where(c => RoleOf(c.Comparison) == role).ToList();
                var (title, roleIntro) = RoleHeading(role, plan);
                _h.Open("div", ("class", "role-group"), ("id", "comparisons-" + role), ("data-role", role)).Line();
                _h.Element("h3", title, ("id", "comparisons-" + role + "-h"));
                _h.Element("p", roleIntro);
                if (group.Count == 0)
                {
                    _h.Element("p", P.NoneInRole, ("class", "na"));
                }
                else
                {
                    ComparisonGroup("forest-" + role, title, roleIntro, group, role);
                }

                _h.Close("div").Line();
            }
        }

        CloseSection();
    }

    private (string Title, string Intro) RoleHeading(string role, PlanSummary plan) => role switch
    {
        ComparisonRoles.Primary => (P.PrimaryTitle, _t.Format(P.PrimaryIntro, _f.Count(PrimaryCount), _f.Percent(VerdictAlpha(plan)))),
        ComparisonRoles.Guardrail => (P.GuardrailTitle, _t.Format(P.GuardrailIntro, _f.Percent(VerdictAlpha(plan)), TreatmentNames)),
        _ => (P.SecondaryTitle, P.SecondaryIntro),
    };

    /// <summary>The Holm family's size: every planned primary comparison, with enough data or not.</summary>
    private int PrimaryCount => _s.PrimaryFamilySize();

    /// <summary>A comparison's role: a stored role, secondary for an unknown one, null in a snapshot without roles.</summary>
    private string? RoleOf(ComparisonResult c) =>
        _s.Plan is null ? null : c.Role is ComparisonRoles.Primary or ComparisonRoles.Guardrail ? c.Role : ComparisonRoles.Secondary;

    /// <summary>A forest plot and its table for one group of comparisons.</summary>
    private void ComparisonGroup(string id, string title, string description, IReadOnlyList<(string CaseType, ComparisonResult Comparison)> comparisons,
        string? role)
    {
        var rows = comparisons.Select(x =>
        {
            var (type, c) = x;
            var oriented = VerdictPhrases.OrientedRelative(c, BaselineValue(type, c));
            return new ForestRow(type, c.Metric, RowLabel(type, c), oriented?.Estimate, oriented?.Low, oriented?.High, c.Verdict,
                VerdictLabel(c.Verdict), Sentence(type, c), RoleOf(c));
        }).ToList();
        _h.Open("figure", ("aria-labelledby", id + "-caption"));
        ForestPlot.Write(_h, id, rows, _f, title, description, _t.Format(_t.ForestAxis, BaselineName));
        _h.Element("figcaption", title, ("id", id + "-caption")).Close("figure").Line();

        _h.Open("table", ("class", "forest-table"), ("data-role", role)).Element("caption", _t.Format(_t.TableOf, title)).Open("thead").Open("tr");
        _h.Element("th", _t.CaseType, ("scope", "col")).Element("th", _t.Measure, ("scope", "col"));
        if (role is not null)
        {
            _h.Element("th", P.UnitOfAnalysis, ("scope", "col"));
        }

        _h.Element("th", DifferenceHeading(role), ("scope", "col"), ("class", "num"))
            .Element("th", _t.Format(_t.ForestAxis, BaselineName) + " (+ " + _t.Better + ")", ("scope", "col"), ("class", "num"));
        var extra = role switch
        {
            ComparisonRoles.Primary => P.AdjustedP,
            ComparisonRoles.Guardrail => P.BoundColumn,
            _ => null,
        };
        if (extra is not null)
        {
            _h.Element("th", extra, ("scope", "col"), ("class", "num"));
        }

        _h.Element("th", _t.Verdict, ("scope", "col")).Close("tr").Close("thead").Open("tbody");
        for (var i = 0; i < comparisons.Count; i++)
        {
            var (type, c) = comparisons[i];
            _h.Open("tr", ("data-metric", c.Metric)).Element("td", CaseTypeLabel(type)).Element("th", MetricLabel(c), ("scope", "row"));
            if (role is not null)
            {
                _h.Element("td", P.Unit(c.Unit));
            }

            _h.Element("td", DifferenceText(c), ("class", "num"));
            _h.Element("td", c.Verdict == Verdicts.InsufficientData || rows[i].Estimate is not { } e
                ? "–"
                : _f.Signed(e * 100, Math.Abs(e) >= 0.1 ? 0 : 1) + ReportFormat.UnitSpace + "%"
                    + (rows[i].Low is { } l && rows[i].High is { } hi ? " (" + _f.Range(l, hi, v => _f.Number(v * 100, 0)) + ")" : ""), ("class", "num"));
            if (extra is not null)
            {
                _h.Element("td", role == ComparisonRoles.Primary ? PValue(c.AdjustedPValue) : BoundText(c), ("class", "num"));
            }

            _h.Open("td");
            Badge(c);
            _h.Close("td").Close("tr");
        }

        _h.Close("tbody").Close("table").Line();
    }

    /// <summary>A p-value with three decimals, or "&lt; 0.001"; a dash without one.</summary>
    private string PValue(double? p) => p switch
    {
        null => "–",
        < 0.001 => "< " + _f.Number(0.001, 3),
        { } v => _f.Number(v, 3),
    };

    /// <summary>A guardrail's one-sided bound and, in brackets, the margin on the bad side, both as signed differences.</summary>
    private string BoundText(ComparisonResult c)
    {
        if (c.NonInferiorityBound is not { } bound || c.NonInferiorityMargin is not { } margin)
        {
            return "–";
        }

        var unit = ReportMetrics.Unit(c.Metric);
        var badSide = ReportMetrics.HigherIsBetter(c.Metric) ? -Math.Abs(margin) : Math.Abs(margin);
        return _f.Difference(unit, bound, null, null) + " (" + _f.Difference(unit, badSide, null, null) + ")";
    }

    /// <summary>The verdict badge and, in a snapshot with roles, the role beside it (a secondary verdict reads "exploratory").</summary>
    private void Badge(ComparisonResult c)
    {
        Badge(c.Verdict);
        if (RoleOf(c) is { } role)
        {
            _h.Text(" ").Element("span", P.RoleLabel(role), ("class", "role r-" + role));
        }

        InferenceTag(c);
    }

    /// <summary>The case type in words; the pilot-level comparisons' <c>_pilot</c> as "whole pilot".</summary>
    private string CaseTypeLabel(string caseType) => caseType == SnapshotLookups.PilotLevel ? P.WholePilot : _t.CaseTypeName(caseType);
}
