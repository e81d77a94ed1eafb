using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Cli;

/// <summary>What a command gets: its own arguments, the output writers and the environment.</summary>
/// <param name="Command">The command being run.</param>
/// <param name="Args">The arguments after the command's words.</param>
/// <param name="Out">Standard output.</param>
/// <param name="Err">Standard error.</param>
/// <param name="Environment">Environment variables (for <c>EVALFW__</c> config overrides).</param>
internal sealed record CommandContext(
    CliCommand Command,
    IReadOnlyList<string> Args,
    TextWriter Out,
    TextWriter Err,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Whether the arguments ask for help.</summary>
    public bool WantsHelp => Args.Any(a => a is "-h" or "--help");

    /// <summary>Prints the command's usage on standard output and returns <see cref="ExitCodes.Ok"/>.</summary>
    public int Help()
    {
        Out.WriteLine("usage: " + Command.Usage);
        Out.WriteLine("  " + Command.Summary);
        return ExitCodes.Ok;
    }

    /// <summary>Reports a command-line mistake with the command's usage and returns <see cref="ExitCodes.Usage"/>.</summary>
    /// <param name="message">What is wrong.</param>
    public int UsageError(string message)
    {
        Err.WriteLine("evalctl " + string.Join(' ', Command.Words) + ": " + message);
        Err.WriteLine("usage: " + Command.Usage);
        return ExitCodes.Usage;
    }

    /// <summary>Whether an exception is a file that cannot be read or written (missing, denied, a bad path), which a command reports and exits 1 on.</summary>
    public static bool IsFileError(Exception e) =>
        e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    /// <summary>Reads and validates an evaluation config file with this run's <c>EVALFW__</c> overrides.</summary>
    /// <param name="path">The file; errors name it as given.</param>
    public ConfigLoadResult LoadConfig(string path)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (IsFileError(e))
        {
            return ConfigLoadResult.Unreadable(path, e.Message);
        }

        return EvaluationConfigLoader.Parse(yaml, path, Environment);
    }
}
