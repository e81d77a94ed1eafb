using System.Globalization;

namespace EvalFramework.Cli.Commands;

/// <summary><c>evalctl config check &lt;path&gt;</c>: validates an evaluation config the way the collector will at start-up.</summary>
internal static class ConfigCheckCommand
{
    public static CliCommand Definition { get; } = new(
        ["config", "check"],
        "<path>",
        "validate an evaluation config (with EVALFW__ environment overrides) and print its methodology hash",
        Run);

    private static int Run(CommandContext context)
    {
        if (context.Args.Count != 1 || context.Args[0].StartsWith('-'))
        {
            return context.UsageError(context.Args.Count == 0 ? "missing <path>" : "expected exactly one <path>");
        }

        var path = context.Args[0];
        var result = context.LoadConfig(path);
        if (result.Config is { } config)
        {
            context.Out.WriteLine($"OK: {path} (methodology {config.Methodology.Version}, config sha256 {config.Methodology.ConfigSha256})");
            return ExitCodes.Ok;
        }

        foreach (var error in result.Errors)
        {
            context.Err.WriteLine(error.ToString());
        }

        context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}; fix them and run evalctl config check again"));
        return ExitCodes.Failed;
    }
}
