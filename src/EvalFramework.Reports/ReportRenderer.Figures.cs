using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>The report's figure tables: a section's metrics per case type and arm, staff well-being, maintenance and hours freed.</summary>
internal sealed partial class ReportRenderer
{
    private void MetricTable(string section, CaseTypeResult caseType, IReadOnlyList<string> metrics)
    {
        // A metric the snapshot does not have (one added after it was made) gets no row.
        metrics = [.. metrics.Where(m => caseType.Arms.Any(a => ArmValue(a, m) is not null) || caseType.Comparisons.Any(c => c.Metric == m))];
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
            _h.Open("tr", ("data-metric", metric)).Element("th", _t.Metric(metric).Name, ("scope", "row"));
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
                    Badge(c);
                }

                if (comparisons.Count == 0 && _s.Plan is not null && MetricKeys.IsDescriptive(metric))
                {
                    // Shown as a figure, never with a verdict: a count, throughput, an AI-only figure, the p90, the overhead.
                    _h.Element("span", P.Descriptive, ("class", "role r-descriptive"));
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
            _h.Open("li", ("data-metric", c.Metric), ("data-role", RoleOf(c)));
            Badge(c);
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
        // Snapshots with the pilot-level comparison count persons (each person's answers averaged first), older ones answers.
        var comparisons = (_s.PilotComparisons ?? []).Where(c => c.Metric == MetricKeys.StaffWellbeingMean).ToList();
        var perPerson = comparisons.Any(c => c.Unit == "person");
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
                .Element("th", perPerson ? P.Persons : _t.Answers, ("scope", "col"), ("class", "num")).Close("tr").Close("thead").Open("tbody");
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

        if (comparisons.Count > 0)
        {
            _h.Open("ul", ("class", "verdicts"));
            foreach (var c in comparisons)
            {
                _h.Open("li", ("data-metric", c.Metric), ("data-role", RoleOf(c)));
                Badge(c);
                _h.Text(" ").Element("strong", MetricLabel(c) + " (" + P.UnitOfAnalysis.ToLower(_t.Culture) + ": " + P.Unit(c.Unit) + "):")
                    .Text(" " + Sentence(SnapshotLookups.PilotLevel, c)).Close("li");
            }

            _h.Close("ul").Line();
        }

        if (_s.DataQuality.SuppressedStaffGroups > 0)
        {
            _h.Element("p", _t.Format(_t.Suppressed, _f.Count(_s.DataQuality.SuppressedStaffGroups), _f.Count(_s.Settings.KAnonymity)), ("class", "warn"));
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
}
