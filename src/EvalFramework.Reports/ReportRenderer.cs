using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>
/// Renders the report page of one snapshot as a complete HTML document: header, data quality, the forest plot of all
/// comparisons, the nine questions and three goals, and the data with its hashes. No script, no external asset:
/// charts are inline SVG, each followed by a table with the same figures. Everything from the snapshot or the config
/// is written through <see cref="HtmlBuilder"/>, so it is encoded.
/// </summary>
internal sealed class ReportRenderer
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
        _phrases = new VerdictPhrases(_f, snapshot.ConfidenceLevel, snapshot.MinSamplePerArm);
        _arms = snapshot.Arms();
        _treatments = [.. _arms.Where(a => a != snapshot.BaselineArm)];
    }

    /// <summary>The page as HTML.</summary>
    public static string Render(SnapshotDocument snapshot, ReportText text, ReportPage page) => new ReportRenderer(snapshot, text, page).Page();

    private string Level => _f.Level(_s.ConfidenceLevel);

    private string BaselineName => _t.ArmName(_s.BaselineArm);

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
        _h.Close("dl").Line();
        _h.Element("p", _t.Format(_t.Intro, TreatmentNames, BaselineName, Level), ("class", "lead")).Line();
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
        foreach (var (id, title) in new[] { (ReportSections.DataQuality, _t.DataQualityTitle), (ReportSections.Comparisons, _t.ForestTitle) }
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

        var tooFew = _s.Comparisons().Count(c => c.Comparison.Verdict == Verdicts.InsufficientData);
        if (tooFew > 0)
        {
            plain.Add(_t.Format(_t.BelowMinimum, _f.Count(tooFew), _f.Count(_s.MinSamplePerArm)));
        }

        if (q.SuppressedStaffGroups > 0)
        {
            plain.Add(_t.Format(_t.Suppressed, _f.Count(q.SuppressedStaffGroups), _f.Count(_s.KAnonymity)));
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

    private void Comparisons()
    {
        OpenSection(ReportSections.Comparisons, _t.ForestTitle);
        var intro = _t.Format(_t.ForestIntro, TreatmentNames, BaselineName, Level);
        _h.Element("p", intro, ("class", "lead"));
        var comparisons = _s.Comparisons().Select(c => (Type: c.CaseType.CaseType, c.Comparison)).ToList();
        if (comparisons.Count == 0)
        {
            _h.Element("p", _t.NoComparisons, ("class", "na"));
            CloseSection();
            return;
        }

        var rows = comparisons.Select(x =>
        {
            var (type, c) = x;
            var oriented = VerdictPhrases.OrientedRelative(c, BaselineValue(type, c));
            return new ForestRow(type, c.Metric, RowLabel(type, c), oriented?.Estimate, oriented?.Low, oriented?.High, c.Verdict,
                VerdictLabel(c.Verdict), Sentence(type, c));
        }).ToList();
        _h.Open("figure", ("aria-labelledby", "forest-caption"));
        ForestPlot.Write(_h, rows, _f, _t.ForestTitle, intro, _t.Format(_t.ForestAxis, BaselineName));
        _h.Element("figcaption", _t.ForestTitle, ("id", "forest-caption")).Close("figure").Line();

        _h.Open("table", ("class", "forest-table")).Element("caption", _t.Format(_t.TableOf, _t.ForestTitle)).Open("thead").Open("tr");
        _h.Element("th", _t.CaseType, ("scope", "col")).Element("th", _t.Measure, ("scope", "col"))
            .Element("th", _t.Format(_t.Difference, Level), ("scope", "col"), ("class", "num"))
            .Element("th", _t.Format(_t.ForestAxis, BaselineName) + " (+ " + _t.Better + ")", ("scope", "col"), ("class", "num"))
            .Element("th", _t.Verdict, ("scope", "col")).Close("tr").Close("thead").Open("tbody");
        for (var i = 0; i < comparisons.Count; i++)
        {
            var (type, c) = comparisons[i];
            _h.Open("tr").Element("td", _t.CaseTypeName(type)).Element("th", MetricLabel(c), ("scope", "row"));
            _h.Element("td", DifferenceText(c), ("class", "num"));
            _h.Element("td", c.Verdict == Verdicts.InsufficientData || rows[i].Estimate is not { } e
                ? "–"
                : _f.Signed(e * 100, Math.Abs(e) >= 0.1 ? 0 : 1) + ReportFormat.UnitSpace + "%"
                    + (rows[i].Low is { } l && rows[i].High is { } hi ? " (" + _f.Range(l, hi, v => _f.Number(v * 100, 0)) + ")" : ""), ("class", "num"));
            _h.Open("td");
            Badge(c.Verdict);
            _h.Close("td").Close("tr");
        }

        _h.Close("tbody").Close("table").Line();
        CloseSection();
    }

    private void Section(string id)
    {
        var (title, intro) = _t.Sections[id];
        OpenSection(id, title);
        switch (id)
        {
            case ReportSections.Wellbeing:
                _h.Element("p", _t.Format(intro, _f.Count(_s.KAnonymity)), ("class", "lead"));
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

    private void MetricTable(string section, CaseTypeResult caseType, IReadOnlyList<string> metrics)
    {
        var caseName = _t.CaseTypeName(caseType.CaseType);
        _h.Element("h3", caseName).Line();
        _h.Open("table", ("class", "figures")).Element("caption", _t.Sections[section].Title + " – " + caseName).Open("thead").Open("tr");
        _h.Element("th", _t.Measure, ("scope", "col"));
        foreach (var arm in caseType.Arms)
        {
            _h.Element("th", _t.ArmNameCapitalised(arm.Arm), ("scope", "col"), ("class", "num"));
        }

        // Measures the snapshot compares (not counts and throughput) get the difference and verdict columns.
        var compared = caseType.Comparisons.Any(c => metrics.Contains(c.Metric));
        if (compared)
        {
            _h.Element("th", _t.Format(_t.Difference, Level), ("scope", "col"), ("class", "num")).Element("th", _t.Verdict, ("scope", "col"));
        }

        _h.Close("tr").Close("thead").Open("tbody");
        foreach (var metric in metrics)
        {
            var unit = ReportMetrics.Unit(metric);
            _h.Open("tr").Element("th", _t.Metric(metric).Name, ("scope", "row"));
            foreach (var arm in caseType.Arms)
            {
                ValueCell(unit, ArmValue(arm, metric));
            }

            var comparisons = caseType.Comparisons.Where(c => c.Metric == metric).ToList();
            if (compared)
            {
                _h.Element("td", comparisons.Count == 0 ? "–" : string.Join("; ", comparisons.Select(c => Prefix(c) + DifferenceText(c))), ("class", "num"));
                _h.Open("td");
                foreach (var c in comparisons)
                {
                    Badge(c.Verdict);
                }

                _h.Close("td");
            }

            _h.Close("tr");
        }

        _h.Close("tbody").Close("table").Line();
        var sentences = metrics.SelectMany(m => caseType.Comparisons.Where(c => c.Metric == m)).ToList();
        if (sentences.Count == 0)
        {
            if (caseType.Comparisons.Count == 0)
            {
                _h.Element("p", _t.NoComparisons, ("class", "na"));
            }

            return;
        }

        _h.Open("ul", ("class", "verdicts"));
        foreach (var c in sentences)
        {
            _h.Open("li");
            Badge(c.Verdict);
            _h.Text(" ").Element("strong", MetricLabel(c) + ":").Text(" " + Sentence(caseType.CaseType, c)).Close("li");
        }

        _h.Close("ul").Line();
    }

    private void ValueCell(MetricUnit unit, MetricValue? value)
    {
        _h.Open("td", ("class", "num"));
        if (value?.Value is not { } v)
        {
            _h.Text("–");
        }
        else
        {
            _h.Text(_f.Value(unit, v));
            if (value.CiLow is { } low && value.CiHigh is { } high)
            {
                _h.Element("span", Level + ": " + _f.Interval(unit, low, high, v), ("class", "sub"));
            }
        }

        if (value is not null)
        {
            _h.Element("span", "n = " + _f.Count(value.N), ("class", "sub"));
        }

        _h.Close("td");
    }

    /// <summary>A metric of an arm; cases per staff hour is derived from the staff time per case (no interval).</summary>
    private static MetricValue? ArmValue(ArmResult arm, string metric)
    {
        if (metric != ReportMetrics.CasesPerStaffHour)
        {
            return arm.Find(metric);
        }

        return arm.Find(MetricKeys.EffortMean) is { } effort
            ? new MetricValue(effort.Value is > 0 and var seconds ? 3600 / seconds : null, null, null, effort.N)
            : null;
    }

    private void Wellbeing()
    {
        var arms = _arms.Select(a => (Arm: a, Value: _s.CaseTypes.Select(c => c.Arm(a)?.Find(MetricKeys.StaffWellbeingMean)).FirstOrDefault(v => v is not null)))
            .ToList();
        if (arms.All(a => a.Value is not { N: > 0 }))
        {
            _h.Element("p", _t.NoStaffSurvey, ("class", "na"));
        }
        else
        {
            _h.Open("table", ("class", "wellbeing")).Element("caption", _t.Sections[ReportSections.Wellbeing].Title).Open("thead").Open("tr");
            _h.Element("th", _t.Arm, ("scope", "col")).Element("th", _t.Metric(MetricKeys.StaffWellbeingMean).Name, ("scope", "col"), ("class", "num"))
                .Element("th", _t.Answers, ("scope", "col"), ("class", "num")).Close("tr").Close("thead").Open("tbody");
            foreach (var (arm, value) in arms)
            {
                _h.Open("tr", ("data-arm", arm)).Element("th", _t.ArmNameCapitalised(arm), ("scope", "row"));
                if (value?.Value is { } mean)
                {
                    _h.Open("td", ("class", "num")).Text(_f.Value(MetricUnit.Score, mean));
                    if (value.CiLow is { } low && value.CiHigh is { } high)
                    {
                        _h.Element("span", Level + ": " + _f.Interval(MetricUnit.Score, low, high, mean), ("class", "sub"));
                    }

                    _h.Close("td").Element("td", _f.Count(value.N), ("class", "num"));
                }
                else if (value is { N: > 0 })
                {
                    // Suppressed under k: neither the mean nor the number of answers is shown.
                    _h.Element("td", _t.WellbeingSuppressed, ("class", "suppressed"), ("colspan", "2"));
                }
                else
                {
                    _h.Element("td", "–", ("class", "num")).Element("td", _f.Count(0), ("class", "num"));
                }

                _h.Close("tr");
            }

            _h.Close("tbody").Close("table").Line();
        }

        if (_s.DataQuality.SuppressedStaffGroups > 0)
        {
            _h.Element("p", _t.Format(_t.Suppressed, _f.Count(_s.DataQuality.SuppressedStaffGroups), _f.Count(_s.KAnonymity)), ("class", "warn"));
        }
    }

    private void Sustainability()
    {
        var months = (_s.To - _s.From).TotalDays / (365.2425 / 12);
        var rows = _s.PilotMetrics.Where(m => m.Metric == MetricKeys.MaintenanceHours).ToList();
        _h.Open("table", ("class", "maintenance")).Element("caption", _t.Metric(MetricKeys.MaintenanceHours).Name).Open("thead").Open("tr");
        _h.Element("th", _t.Arm, ("scope", "col")).Element("th", _t.MaintenanceInPeriod, ("scope", "col"), ("class", "num"))
            .Element("th", _t.PerMonth, ("scope", "col"), ("class", "num")).Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            var hours = row.Value.Value ?? 0;
            _h.Open("tr").Element("th", row.Arm is null ? _t.AllArms : _t.ArmNameCapitalised(row.Arm), ("scope", "row"))
                .Element("td", _f.Value(MetricUnit.Hours, hours), ("class", "num"))
                .Element("td", _f.Value(MetricUnit.Hours, hours / months), ("class", "num")).Close("tr");
        }

        _h.Close("tbody").Close("table").Line();
        _h.Element("h3", _t.MaintenanceChartTitle);
        if (_s.Breakdowns is not { WeeklyMaintenanceHours: { } weekly } b)
        {
            _h.Element("p", _t.NotInSnapshot, ("class", "na"));
            return;
        }

        var categories = b.Weeks.Select(w => _f.ShortDate(w.From)).ToList();
        _h.Open("figure");
        BarChart.Write(_h, "maintenance-chart", _t.MaintenanceChartTitle, _t.Sections[ReportSections.Sustainability].Intro, categories,
            [new ChartSeries(_t.Metric(MetricKeys.MaintenanceHours).Name, ChartColours.Maintenance, weekly)], v => _f.Number(v, 1));
        _h.Close("figure");
        WeekTable(_t.MaintenanceChartTitle, b, [(_t.Metric(MetricKeys.MaintenanceHours).Name, weekly)], v => _f.Value(MetricUnit.Hours, v));
    }

    private void HoursFreed()
    {
        var months = (_s.To - _s.From).TotalDays / (365.2425 / 12);
        var maintenancePerMonth = (_s.PilotMetrics.FirstOrDefault(m => m.Metric == MetricKeys.MaintenanceHours && m.Arm is null)?.Value.Value ?? 0) / months;
        var rows = _s.PilotMetrics.Where(m => m.Metric == MetricKeys.StaffHoursFreedPerMonth && m.Arm is not null).ToList();
        if (rows.Count == 0)
        {
            _h.Element("p", _t.Format(_t.HoursFreedUnknown, TreatmentNames), ("class", "na"));
        }

        _h.Open("ul", ("class", "verdicts"));
        foreach (var row in rows)
        {
            var arm = _t.ArmNameCapitalised(row.Arm!);
            _h.Open("li");
            if (row.Value.Value is not { } freed)
            {
                _h.Text(_t.Format(_t.HoursFreedUnknown, _t.ArmName(row.Arm!)));
            }
            else
            {
                var interval = row.Value.CiLow is { } low && row.Value.CiHigh is { } high
                    ? _t.Format(_t.Interval, Level, freed >= 0 ? _f.Range(low, high, v => _f.Number(v, 0)) : _f.Range(-high, -low, v => _f.Number(v, 0)))
                    : "";
                _h.Text(_t.Format(freed >= 0 ? _t.HoursFreed : _t.HoursTaken, arm, _f.Number(Math.Abs(freed), 0), interval));
                _h.Text(" " + _t.Format(_t.NetOfMaintenance, _f.Number(maintenancePerMonth, 1), _f.Number(freed - maintenancePerMonth, 0)));
            }

            _h.Close("li");
        }

        _h.Close("ul").Line();
        foreach (var caseType in _s.CaseTypes)
        {
            MetricTable(ReportSections.HoursFreed, caseType, [MetricKeys.EffortMean]);
        }
    }

    private void WeeklyChart()
    {
        _h.Element("h3", _t.WeeklyTitle);
        if (_s.Breakdowns is not { } b || b.Weeks.Count == 0)
        {
            _h.Element("p", _t.NotInSnapshot, ("class", "na"));
            return;
        }

        var series = _arms.Select(arm => (Name: _t.ArmNameCapitalised(arm), Values: (IReadOnlyList<double>)[.. Enumerable.Range(0, b.Weeks.Count)
            .Select(i => (double)b.CaseTypes.SelectMany(c => c.Arms).Where(a => a.Arm == arm && a.WeeklyCompleted is not null).Sum(a => i < a.WeeklyCompleted!.Count ? a.WeeklyCompleted[i] : 0))]))
            .ToList();
        _h.Open("figure");
        BarChart.Write(_h, "weekly-chart", _t.WeeklyTitle, _t.Sections[ReportSections.Throughput].Intro, [.. b.Weeks.Select(w => _f.ShortDate(w.From))],
            [.. series.Select((s, i) => new ChartSeries(s.Name, ChartColours.Arm(i), s.Values))], v => _f.Number(v, 0));
        _h.Close("figure");
        WeekTable(_t.WeeklyTitle, b, series, v => _f.Number(v, 0));
        var after = b.CaseTypes.SelectMany(c => c.Arms).Sum(a => a.CompletedAfterPeriod);
        if (after > 0)
        {
            _h.Element("p", _t.Format(_t.CompletedAfter, _f.Count(after)), ("class", "notes"));
        }
    }

    private void WeekTable(string title, SnapshotBreakdowns b, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, Func<double, string> format)
    {
        _h.Open("table", ("class", "weeks")).Element("caption", _t.Format(_t.TableOf, title)).Open("thead").Open("tr");
        _h.Element("th", _t.WeekStarting, ("scope", "col")).Element("th", _t.Days, ("scope", "col"), ("class", "num"));
        foreach (var (name, _) in series)
        {
            _h.Element("th", name, ("scope", "col"), ("class", "num"));
        }

        _h.Close("tr").Close("thead").Open("tbody");
        for (var i = 0; i < b.Weeks.Count; i++)
        {
            _h.Open("tr").Element("th", _f.Date(b.Weeks[i].From), ("scope", "row")).Element("td", _f.Number(b.Weeks[i].Days, b.Weeks[i].Days % 1 == 0 ? 0 : 1), ("class", "num"));
            foreach (var (_, values) in series)
            {
                _h.Element("td", i < values.Count ? format(values[i]) : "–", ("class", "num"));
            }

            _h.Close("tr");
        }

        _h.Close("tbody").Close("table").Line();
    }

    private void CostChart()
    {
        _h.Element("h3", _t.CostChartTitle);
        if (_s.Breakdowns is not { } b)
        {
            _h.Element("p", _t.NotInSnapshot, ("class", "na"));
            return;
        }

        var rows = b.Arms().Where(a => a.Arm.Cost is not null)
            .Select(a => (Label: PartsLabel(a), Values: Parts(a.Arm.Cost!.StaffSek, a.Arm.Cost.AiSek, a.Arm.Cost.FixedSek, a.Arm.Cost.MaintenanceSek)))
            .ToList();
        PartsChart("cost-chart", _t.CostChartTitle, _t.Sections[ReportSections.Cost].Intro,
            [(_t.PartStaff, ChartColours.Staff), (_t.PartAi, ChartColours.Ai), (_t.PartFixed, ChartColours.Fixed), (_t.PartMaintenance, ChartColours.Maintenance)],
            rows, v => _f.Value(MetricUnit.Sek, v));
    }

    private void EnergyCharts()
    {
        _h.Element("h3", _t.Co2eChartTitle);
        if (_s.Breakdowns is not { } b)
        {
            _h.Element("p", _t.NotInSnapshot, ("class", "na"));
            return;
        }

        (string, string)[] parts = [(_t.PartWorkstation, ChartColours.Staff), (_t.PartAiInference, ChartColours.Ai)];
        PartsChart("co2e-chart", _t.Co2eChartTitle, _t.Sections[ReportSections.Environment].Intro, parts,
            [.. b.Arms().Where(a => a.Arm.Energy is not null).Select(a => (PartsLabel(a), Parts(a.Arm.Energy!.WorkstationCo2eG, a.Arm.Energy.AiCo2eG)))],
            v => _f.Value(MetricUnit.GramsCo2e, v));
        _h.Element("h3", _t.EnergyTableTitle);
        PartsTable(_t.EnergyTableTitle, parts,
            [.. b.Arms().Where(a => a.Arm.Energy is not null).Select(a => (PartsLabel(a), Parts(a.Arm.Energy!.WorkstationWh, a.Arm.Energy.AiWh)))],
            v => _f.Value(MetricUnit.Wh, v));
    }

    private string PartsLabel((string CaseType, ArmBreakdown Arm) part) => _t.CaseTypeName(part.CaseType) + " · " + _t.ArmName(part.Arm.Arm);

    private static IReadOnlyList<double> Parts(params double[] parts) => [.. parts.Select(SnapshotLookups.Part)];

    private void PartsChart(string id, string title, string description, IReadOnlyList<(string Name, string Colour)> parts,
        IReadOnlyList<(string Label, IReadOnlyList<double> Values)> rows, Func<double, string> format)
    {
        if (rows.Count == 0)
        {
            _h.Element("p", _t.NoFigures, ("class", "na"));
            return;
        }

        _h.Open("figure");
        StackedBarChart.Write(_h, id, title, description, parts, rows, format);
        _h.Close("figure");
        PartsTable(title, parts, rows, format);
    }

    private void PartsTable(string title, IReadOnlyList<(string Name, string Colour)> parts, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> rows,
        Func<double, string> format)
    {
        if (rows.Count == 0)
        {
            _h.Element("p", _t.NoFigures, ("class", "na"));
            return;
        }

        _h.Open("table", ("class", "parts")).Element("caption", _t.Format(_t.TableOf, title)).Open("thead").Open("tr");
        _h.Element("th", _t.CaseType + " · " + _t.Arm, ("scope", "col"));
        foreach (var (name, _) in parts)
        {
            _h.Element("th", name, ("scope", "col"), ("class", "num"));
        }

        _h.Element("th", _t.Total, ("scope", "col"), ("class", "num")).Close("tr").Close("thead").Open("tbody");
        foreach (var (label, values) in rows)
        {
            _h.Open("tr").Element("th", label, ("scope", "row"));
            foreach (var value in values)
            {
                _h.Element("td", format(value), ("class", "num"));
            }

            _h.Element("td", format(values.Sum()), ("class", "num")).Close("tr");
        }

        _h.Close("tbody").Close("table").Line();
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
        _h.Element("p", _t.Format(_t.Settings, Level, _f.Count(_s.MinSamplePerArm), _f.Count(_s.KAnonymity)));
        _h.Element("p", _t.Verify);
        _h.Element("p", _t.Format(_t.ApiPaths, "/api/v1/snapshots/" + _s.Id, "/api/v1/snapshots/" + _s.Id + "?format=csv"), ("class", "notes"));
        _h.Element("h3", _t.HowToRead).Open("dl", ("class", "facts"));
        foreach (var (verdict, explanation) in _t.VerdictExplanations)
        {
            _h.Open("dt");
            Badge(verdict);
            _h.Close("dt").Element("dd", explanation);
        }

        _h.Close("dl").Line();
        CloseSection();
    }

    private void Badge(string verdict) => _h.Element("span", VerdictLabel(verdict), ("class", "badge " + VerdictStyle.CssClass(verdict)));

    private string VerdictLabel(string verdict) => _t.VerdictLabels.GetValueOrDefault(verdict, verdict);

    private double? BaselineValue(string caseType, ComparisonResult c) =>
        _s.CaseTypes.FirstOrDefault(ct => ct.CaseType == caseType)?.Arm(c.Baseline)?.Find(c.Metric)?.Value;

    private string Sentence(string caseType, ComparisonResult c) => _phrases.Sentence(c, BaselineValue(caseType, c));

    /// <summary>With more than one treatment arm, which one a comparison is of.</summary>
    private string Prefix(ComparisonResult c) => _treatments.Count > 1 ? _t.ArmNameCapitalised(c.Treatment) + ": " : "";

    private string MetricLabel(ComparisonResult c) =>
        _t.Metric(c.Metric).Name + (_treatments.Count > 1 ? " (" + _t.ArmName(c.Treatment) + ")" : "");

    private string RowLabel(string caseType, ComparisonResult c) => _t.CaseTypeName(caseType) + " · " + MetricLabel(c);

    private string DifferenceText(ComparisonResult c) =>
        c.Verdict == Verdicts.InsufficientData || c.Difference is not { } d ? "–" : _f.Difference(ReportMetrics.Unit(c.Metric), d, c.CiLow, c.CiHigh);
}
