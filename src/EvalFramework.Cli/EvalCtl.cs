using EvalFramework.Cli.Commands;

namespace EvalFramework.Cli;

/// <summary>
/// The evalctl entry point: a hand-written dispatcher over <see cref="Commands"/>. To add a command, write a
/// static class with a <see cref="CliCommand"/> <c>Definition</c> in Commands/ and list it here.
/// </summary>
internal static class EvalCtl
{
    /// <summary>Every command, in the order the usage lists them.</summary>
    public static IReadOnlyList<CliCommand> Commands { get; } =
    [
        ConfigCheckCommand.Definition,
        SnapshotCommands.Create,
        SnapshotCommands.List,
        SnapshotCommands.Export,
        PlanCommands.Register,
        PlanCommands.Show,
        PlanPowerCommand.Definition,
        ReportCommand.Definition,
        PurgeCommand.Definition,
        ImportCommand.Definition,
        SimulateCommand.Definition,
    ];

    /// <summary>Runs evalctl.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="out">Standard output.</param>
    /// <param name="err">Standard error.</param>
    /// <param name="environment">Environment variables; <see langword="null"/> for none.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter @out, TextWriter err, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(@out);
        ArgumentNullException.ThrowIfNull(err);

        if (args is ["-h" or "--help" or "help"])
        {
            PrintUsage(@out);
            return ExitCodes.Ok;
        }

        var command = Commands.Where(c => c.Matches(args)).MaxBy(c => c.Words.Count);
        if (command is null)
        {
            err.WriteLine(args.Length == 0 ? "evalctl: no command given" : "evalctl: unknown command '" + string.Join(' ', args.Take(2)) + "'");
            PrintUsage(err);
            return ExitCodes.Usage;
        }

        var context = new CommandContext(
            command,
            args[command.Words.Count..],
            @out,
            err,
            environment ?? new Dictionary<string, string>());
        return context.WantsHelp ? context.Help() : command.Run(context);
    }

    private static void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("usage: evalctl <command> [arguments]");
        writer.WriteLine();
        writer.WriteLine("commands:");
        foreach (var command in Commands)
        {
            // The usage and its summary on two lines: some usages are too long to share a line with a column.
            writer.WriteLine("  " + command.Usage);
            writer.WriteLine("      " + command.Summary);
        }

        writer.WriteLine();
        writer.WriteLine("exit codes: 0 ok, 1 the command found a problem, 2 wrong command line");
    }
}
