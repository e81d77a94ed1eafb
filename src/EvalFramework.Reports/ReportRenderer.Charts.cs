using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>The report's charts from the snapshot's breakdowns, each followed by a table of the same figures.</summary>
internal sealed partial class ReportRenderer
{
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
}
