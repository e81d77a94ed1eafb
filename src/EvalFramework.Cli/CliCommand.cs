namespace EvalFramework.Cli;

/// <summary>One evalctl command: the words that select it, its usage and what it runs.</summary>
/// <param name="Words">The words that name the command, e.g. <c>["config", "check"]</c>.</param>
/// <param name="Arguments">The arguments after the words, for the usage text, e.g. <c>&lt;path&gt;</c>.</param>
/// <param name="Summary">One line on what it does.</param>
/// <param name="Run">Runs the command with the arguments after its words; returns an <see cref="ExitCodes"/> value.</param>
internal sealed record CliCommand(IReadOnlyList<string> Words, string Arguments, string Summary, Func<CommandContext, int> Run)
{
    /// <summary>The usage line, e.g. <c>evalctl config check &lt;path&gt;</c>.</summary>
    public string Usage => "evalctl " + string.Join(' ', Words) + (Arguments.Length > 0 ? " " + Arguments : "");

    /// <summary>Whether <paramref name="args"/> starts with this command's words.</summary>
    public bool Matches(IReadOnlyList<string> args) =>
        args.Count >= Words.Count && Words.Select((w, i) => args[i] == w).All(m => m);
}
