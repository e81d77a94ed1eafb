using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>
/// Renders the report page of one snapshot as a complete HTML document: header, the analysis plan, data quality, the
/// comparisons grouped by role with their forest plots, the nine questions and three goals, and the data with its hashes. No script, no external asset:
/// charts are inline SVG, each followed by a table with the same figures. Everything from the snapshot or the config
/// is written through <see cref="HtmlBuilder"/>, so it is encoded.
/// </summary>
internal sealed partial class ReportRenderer
{
    private readonly SnapshotDocument _s;
    private readonly ReportPage _page;
    private readonly ReportText _t;
    private readonly ReportFormat _f;
    private readonly VerdictPhrases _phrases;
    private readonly HtmlBuilder _h = new();
    private readonly IReadOnlyList<string> _arms;
    private readonly IReadOnlyList<string> _treatments;

    private ReportRenderer(SnapshotDocument snapshot, ReportText text, ReportPage page)
    {
        _s = snapshot;
        _t = text;
        _page = page;
        _f = new ReportFormat(text);
        _phrases = new VerdictPhrases(_f, snapshot.Settings.ConfidenceLevel, snapshot.Settings.MinSamplePerArm, snapshot.PrimaryFamilySize(),
            snapshot.Design, snapshot.Inference == Inference.Sequential ? 1 - snapshot.Sequential?.Alpha : null);
        _arms = snapshot.Arms();
        _treatments = [.. _arms.Where(a => a != snapshot.Settings.BaselineArm)];
    }

    /// <summary>The page as HTML.</summary>
    public static string Render(SnapshotDocument snapshot, ReportText text, ReportPage page) => new ReportRenderer(snapshot, text, page).Page();

    private string Level => _f.Level(_s.Settings.ConfidenceLevel);

    private string BaselineName => _t.ArmName(_s.Settings.BaselineArm);

    private string TreatmentNames => _treatments.Count == 0 ? _t.ArmName("ai_assisted") : string.Join(", ", _treatments.Select(_t.ArmName));

    /// <summary>The display name, with the slug unless the name already holds it.</summary>
    private string PilotName => _page.PilotDisplayName is { Length: > 0 } name
        ? name.Contains(_s.Pilot, StringComparison.OrdinalIgnoreCase) ? name : name + " (" + _s.Pilot + ")"
        : _s.Pilot;

    private string Page()
    {
        _h.Raw("<!DOCTYPE html>\n").Open("html", ("lang", _t.Code)).Line().Open("head").Line();
        _h.Empty("meta", ("charset", "utf-8")).Line();
        _h.Empty("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line();
        _h.Element("title", _t.Title + " – " + PilotName + " – " + _f.Period(_s.From, _s.To)).Line();
        _h.Raw("<style>").Raw(ReportStyle.Css).Raw("</style>").Line().Close("head").Line().Open("body").Line();
        Header();
        _h.Open("main").Line();
        Contents();
        if (_s.Plan is { } plan)
        {
            PlanSection(plan);
        }

        DataQuality();
        Comparisons();
        foreach (var id in ReportSections.QuestionsAndGoals)
        {
            Section(id);
        }

        Data();
        _h.Close("main").Line();
        _h.Element("footer", _t.Format(_t.Footer, _s.Id)).Line();
        _h.Close("body").Line().Close("html").Line();
        return _h.ToString();
    }

    private void Header()
    {
        _h.Open("header", ("class", "page")).Line();
        _h.Open("nav", ("class", "lang"), ("aria-label", _t.Code == "sv" ? "Språk" : "Language"));
        foreach (var language in new[] { ReportText.Swedish, ReportText.English })
        {
            if (language != ReportText.Swedish)
            {
                _h.Text(" | ");
            }

            _h.Element("a", language.LanguageName, ("href", _page.Path + "?lang=" + language.Code), ("hreflang", language.Code),
                ("lang", language.Code), ("aria-current", language == _t ? "page" : null));
        }

        _h.Close("nav").Line();
        _h.Element("h1", _t.Title + ": " + PilotName).Line();
        _h.Open("dl", ("class", "facts"));
        Fact(_t.Pilot, PilotName);
        Fact(_t.Period, _f.Period(_s.From, _s.To));
        Fact(_t.SnapshotMade, _f.DateTime(_s.CreatedAt));
        Fact(_t.Snapshot, _s.Id);
        var completed = _s.CaseTypes.SelectMany(c => c.Arms).Sum(a => (long)(a.Find(MetricKeys.CasesCompleted)?.Value ?? 0));
        Fact(_t.Cases, _t.Format(_t.CasesSummary, _f.Count(_s.DataQuality.CasesInPeriod), _f.Count(completed)));
        InferenceFact();
        DesignFact();
        _h.Close("dl").Line();
        _h.Element("p", _t.Format(_t.Intro, TreatmentNames, BaselineName, Level), ("class", "lead")).Line();
        InferenceNote();
        DesignNote();
        ComplianceNote();
        BeforeAfterNote();
        CasesTable();
        _h.Close("header").Line();
    }

    private void Fact(string name, string value) => _h.Element("dt", name).Element("dd", value);

    private void CasesTable()
    {
        _h.Open("table", ("class", "cases")).Element("caption", _t.CompletedPerArm).Open("thead").Open("tr");
        _h.Element("th", _t.CaseType, ("scope", "col"));
        foreach (var arm in _arms)
        {
            _h.Element("th", _t.ArmNameCapitalised(arm), ("scope", "col"), ("class", "num"));
        }

        _h.Element("th", _t.Total, ("scope", "col"), ("class", "num")).Close("tr").Close("thead").Open("tbody");
        foreach (var caseType in _s.CaseTypes)
        {
            _h.Open("tr").Element("th", _t.CaseTypeName(caseType.CaseType), ("scope", "row"));
            foreach (var arm in _arms)
            {
                _h.Element("td", caseType.Arm(arm)?.Find(MetricKeys.CasesCompleted) is { } v ? _f.Count(v.N) : "–", ("class", "num"));
            }

            _h.Element("td", _f.Count(caseType.Arms.Sum(a => a.Find(MetricKeys.CasesCompleted)?.N ?? 0)), ("class", "num")).Close("tr");
        }

        _h.Open("tr").Element("th", _t.Total, ("scope", "row"));
        foreach (var arm in _arms)
        {
            _h.Element("td", _f.Count(_s.CaseTypes.Sum(c => c.Arm(arm)?.Find(MetricKeys.CasesCompleted)?.N ?? 0)), ("class", "num"));
        }

        _h.Element("td", _f.Count(_s.CaseTypes.SelectMany(c => c.Arms).Sum(a => a.Find(MetricKeys.CasesCompleted)?.N ?? 0)), ("class", "num"));
        _h.Close("tr").Close("tbody").Close("table").Line();
    }

    private void Contents()
    {
        _h.Open("nav", ("class", "toc"), ("aria-labelledby", "toc-h")).Element("h2", _t.Contents, ("id", "toc-h")).Open("ul");
        var first = _s.Plan is null ? [] : new[] { (ReportSections.Plan, P.Title) };
        foreach (var (id, title) in first.Concat([(ReportSections.DataQuality, _t.DataQualityTitle), (ReportSections.Comparisons, _t.ForestTitle)])
                     .Concat(ReportSections.QuestionsAndGoals.Select(id => (id, _t.Sections[id].Title)))
                     .Append((ReportSections.Data, _t.DataTitle)))
        {
            _h.Open("li").Element("a", title, ("href", "#" + id)).Close("li");
        }

        _h.Close("ul").Close("nav").Line();
    }

    private void OpenSection(string id, string title)
    {
        _h.Open("section", ("id", id), ("aria-labelledby", id + "-h")).Line();
        _h.Element("h2", title, ("id", id + "-h")).Line();
    }

    private void CloseSection() => _h.Close("section").Line();

    private void DataQuality()
    {
        var q = _s.DataQuality;
        OpenSection(ReportSections.DataQuality, _t.DataQualityTitle);
        var plain = new List<string>();
        if (_s.ConfigSha256 is null)
        {
            plain.Add(_t.NoConfig);
        }

        if (_s.Plan is { } plan && PlanWarning(plan) is { } planWarning)
        {
            plain.Add(planWarning);
        }

        if (q.SampleRatio is { Mismatch: true } ratio)
        {
            plain.Add(_t.Format(_t.SampleRatioMismatch, string.Join(", ", ratio.Observed.Select(o => _t.ArmName(o.Key) + " " + _f.Count(o.Value)))));
        }

        if (q.CasesStartedNotCompleted > 0)
        {
            plain.Add(_t.Format(_t.NotCompleted, _f.Count(q.CasesStartedNotCompleted)));
        }

        if (q.CasesWithoutStart > 0)
        {
            plain.Add(_t.Format(_t.WithoutStart, _f.Count(q.CasesWithoutStart), _f.Count(q.SurveysWithoutCase)));
        }

        // Only the comparisons short of cases or persons: the other reasons (units, daily-look burn-in) are said where they apply.
        var tooFew = _s.AllComparisons().Count(c => c.Comparison.Verdict == Verdicts.InsufficientData
            && _phrases.ReasonOf(c.Comparison) is NoVerdictReason.TooFewCases or NoVerdictReason.TooFewPersons);
        if (tooFew > 0)
        {
            plain.Add(_t.Format(_t.BelowMinimum, _f.Count(tooFew), _f.Count(_s.Settings.MinSamplePerArm)));
        }

        if (q.SuppressedStaffGroups > 0)
        {
            plain.Add(_t.Format(_t.Suppressed, _f.Count(q.SuppressedStaffGroups), _f.Count(_s.Settings.KAnonymity)));
        }

        if (plain.Count == 0)
        {
            _h.Element("p", _t.NoProblems);
        }
        else
        {
            _h.Open("ul", ("class", "warnings"));
            foreach (var sentence in plain)
            {
                _h.Element("li", sentence, ("class", "warn"));
            }

            _h.Close("ul");
        }

        if (q.Warnings.Count > 0)
        {
            _h.Element("h3", _t.TechnicalNotes, ("lang", "en"));
            _h.Open("ul", ("class", "notes"), ("lang", "en"));
            foreach (var warning in q.Warnings)
            {
                _h.Element("li", warning);
            }

            _h.Close("ul").Line();
        }

        CloseSection();
    }

    private void Section(string id)
    {
        var (title, intro) = _t.Sections[id];
        OpenSection(id, title);
        switch (id)
        {
            case ReportSections.Wellbeing:
                _h.Element("p", _t.Format(intro, _f.Count(_s.Settings.KAnonymity)), ("class", "lead"));
                Wellbeing();
                break;
            case ReportSections.Sustainability:
                _h.Element("p", intro, ("class", "lead"));
                Sustainability();
                break;
            case ReportSections.HoursFreed:
                _h.Element("p", _t.Format(intro, BaselineName, TreatmentNames), ("class", "lead"));
                HoursFreed();
                break;
            default:
                _h.Element("p", intro, ("class", "lead"));
                foreach (var caseType in _s.CaseTypes)
                {
                    MetricTable(id, caseType, ReportSections.MetricsOf(id));
                }

                break;
        }

        switch (id)
        {
            case ReportSections.Environment:
                EnergyCharts();
                break;
            case ReportSections.Cost:
                CostChart();
                break;
            case ReportSections.Throughput:
                WeeklyChart();
                break;
        }

        CloseSection();
    }

    private void Data()
    {
        OpenSection(ReportSections.Data, _t.DataTitle);
        _h.Element("p", _t.DataIntro);
        _h.Open("dl", ("class", "facts"));
        _h.Open("dt").Element("a", _t.JsonLink, ("href", _page.JsonHref), ("class", "data-link"), ("download", _s.Id + ".json")).Close("dt");
        _h.Open("dd").Text("SHA-256 ").Element("code", _page.JsonSha256, ("class", "hash")).Close("dd");
        _h.Open("dt").Element("a", _t.CsvLink, ("href", _page.CsvHref), ("class", "data-link"), ("download", _s.Id + ".csv")).Close("dt");
        _h.Open("dd").Text("SHA-256 ").Element("code", _page.CsvSha256, ("class", "hash")).Close("dd");
        _h.Element("dt", _t.DataHash).Open("dd").Element("code", _s.DataSha256).Close("dd");
        _h.Element("dt", _t.ConfigHash).Open("dd").Element("code", _s.ConfigSha256 ?? _t.None).Close("dd");
        _h.Element("dt", _t.MethodologyVersion).Element("dd", _s.MethodologyVersion);
        _h.Close("dl");
        _h.Element("p", _t.Format(_t.Settings, Level, _f.Count(_s.Settings.MinSamplePerArm), _f.Count(_s.Settings.KAnonymity)));
        _h.Element("p", _t.Verify);
        _h.Element("p", _t.Format(_t.ApiPaths, "/api/v1/snapshots/" + _s.Id, "/api/v1/snapshots/" + _s.Id + "?format=csv"), ("class", "notes"));
        _h.Element("h3", _t.HowToRead).Open("dl", ("class", "facts"));
        foreach (var (verdict, general) in _t.VerdictExplanations)
        {
            var explanation = _s.Plan is null ? general : P.VerdictExplanations.GetValueOrDefault(verdict, general);
            _h.Open("dt");
            Badge(verdict);
            _h.Close("dt").Element("dd", explanation);
        }

        _h.Close("dl").Line();
        CloseSection();
    }

    private void Badge(string verdict) => _h.Element("span", VerdictLabel(verdict), ("class", "badge " + VerdictStyle.CssClass(verdict)));

    private string VerdictLabel(string verdict) => _t.VerdictLabels.GetValueOrDefault(verdict, verdict);

    /// <summary>The baseline arm's value; for a pilot-level comparison the arm's value as the case types carry it.</summary>
    private double? BaselineValue(string caseType, ComparisonResult c) => caseType == SnapshotLookups.PilotLevel
        ? _s.CaseTypes.Select(ct => ct.Arm(c.Baseline)?.Find(c.Metric)?.Value).FirstOrDefault(v => v is not null)
        : _s.CaseTypes.FirstOrDefault(ct => ct.CaseType == caseType)?.Arm(c.Baseline)?.Find(c.Metric)?.Value;

    private string Sentence(string caseType, ComparisonResult c) => _phrases.Sentence(c, BaselineValue(caseType, c)) + NotCausalText();

    /// <summary>With more than one treatment arm, which one a comparison is of.</summary>
    private string Prefix(ComparisonResult c) => _treatments.Count > 1 ? _t.ArmNameCapitalised(c.Treatment) + ": " : "";

    private string MetricLabel(ComparisonResult c) =>
        _t.Metric(c.Metric).Name + (_treatments.Count > 1 ? " (" + _t.ArmName(c.Treatment) + ")" : "");

    private string RowLabel(string caseType, ComparisonResult c) => CaseTypeLabel(caseType) + " · " + MetricLabel(c);

    private string DifferenceText(ComparisonResult c) =>
        c.Verdict == Verdicts.InsufficientData || c.Difference is not { } d ? "–" : _f.Difference(ReportMetrics.Unit(c.Metric), d, c.CiLow, c.CiHigh) + AsTreatedText(c) + NotCausalText();
}
