using EvalFramework.Cli.Commands;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Cli.Tests;

/// <summary><see cref="SimulateDesignOptions.Read"/>: what the design options give, without a collector.</summary>
public sealed class SimulateDesignOptionsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static SimulationDesign? Read(string args, DesignConfig? configured, out string? error)
    {
        var parts = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i += 2)
        {
            options[parts[i][2..]] = parts[i + 1];
        }

        return SimulateDesignOptions.Read(options, SimulationPilot.Demo, configured, Start, 90, out error);
    }

    [Fact]
    public void Read_NoDesignOption_NoDesign()
    {
        Assert.Null(Read("", null, out var error));
        Assert.Null(error);
    }

    /// <summary>Team effects in a case design (the documented use of --teams with --icc), a handler design, a period design: accepted as given.</summary>
    [Theory]
    [InlineData("--design case --teams 2 --icc 0.05", AssignmentUnits.Case, 2, 7, 0.05)]
    [InlineData("--teams 3 --icc 0.1", AssignmentUnits.Case, 3, 7, 0.1)]
    [InlineData("--design handler --handlers-per-team 4 --icc 0.05", AssignmentUnits.Handler, 3, 7, 0.05)]
    [InlineData("--design period --period-days 14 --icc 0.02", AssignmentUnits.Period, 0, 14, 0.02)]
    [InlineData("--design before-after --teams 3 --icc 0.05", AssignmentUnits.Case, 3, 7, 0.05)]
    public void Read_OptionsTheDesignUses_Accepted(string args, string unit, int teams, int periodDays, double icc)
    {
        var design = Read(args, null, out var error);

        Assert.Null(error);
        Assert.NotNull(design);
        Assert.Equal(unit, design.Unit);
        Assert.Equal(teams, design.Teams);
        Assert.Equal(periodDays, design.PeriodDays);
        Assert.Equal(icc, design.Icc);
    }

    [Fact]
    public void Read_AiStartInsideThePeriod_Accepted()
    {
        var design = Read("--design before-after --ai-start 2025-04-01", null, out var error);

        Assert.Null(error);
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), design!.AiStart);
        Assert.False(design.ConcurrentControl);
    }

    /// <summary>Without --design the options change the pilot's configured design, not a case design in its place.</summary>
    [Fact]
    public void Read_WithoutDesignButAConfiguredOne_ChangesTheConfiguredDesign()
    {
        var configured = new DesignConfig { Unit = AssignmentUnits.Period, PeriodDays = 14, IsConfigured = true };

        var icc = Read("--icc 0.05", configured, out var iccError);
        var days = Read("--period-days 7", configured, out var daysError);

        Assert.Null(iccError);
        Assert.Equal(AssignmentUnits.Period, icc!.Unit);
        Assert.Equal(14, icc.PeriodDays);
        Assert.Equal(0.05, icc.Icc);
        Assert.Null(daysError);
        Assert.Equal(7, days!.PeriodDays);
    }

    [Fact]
    public void Read_WithoutDesignAndAConfiguredCaseDesign_IccAloneRefused()
    {
        var configured = new DesignConfig { Unit = AssignmentUnits.Case, IsConfigured = true };

        Assert.Null(Read("--icc 0.05", configured, out var error));
        Assert.StartsWith("--icc: not used by the design (the design is case; give --design for another)", error, StringComparison.Ordinal);
    }
}
