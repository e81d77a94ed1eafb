using System.Globalization;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// One problem in an evaluation configuration: where it is (file and line, or the environment variable that set
/// the value), which key it concerns and what is wrong.
/// </summary>
/// <param name="File">The file name, or <c>env:NAME</c> when the value came from an environment variable override.</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>; 0 when there is no line (environment variable, missing file).</param>
/// <param name="Key">The config key as a path, e.g. <c>pilots[0].arms[1].share</c>; <c>(document)</c> for the whole file.</param>
/// <param name="Message">What is wrong and, where possible, what is expected.</param>
public sealed record ConfigError(string File, int Line, string Key, string Message)
{
    /// <summary>Formats the error as <c>file:line: key: message</c> (<c>file: key: message</c> when there is no line).</summary>
    /// <returns>The error on one line.</returns>
    public override string ToString() => Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Key}: {Message}")
        : $"{File}: {Key}: {Message}";
}
