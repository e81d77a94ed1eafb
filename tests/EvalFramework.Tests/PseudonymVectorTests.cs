using System.Diagnostics;
using EvalFramework.Contract;
using EvalFramework.Tests.Support;

namespace EvalFramework.Tests;

/// <summary>
/// The pseudonym's cross-language test vectors (docs/privacy.md, "Pseudonyms"): the SDK, through what a pilot team
/// calls, gives every row's pseudonym, and the Python sample's own tests (samples/python, run with python3) check the
/// same rows with its standard-library HMAC.
/// </summary>
public sealed class PseudonymVectorTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "privacy.md"));

    /// <summary>The rows of the doc's table: what, pseudonym key, message, pseudonym.</summary>
    private static List<string[]> Vectors()
    {
        var lines = Doc.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.FindIndex(l => l == "| what | pseudonym key | message | pseudonym |");
        Assert.True(header >= 0, "docs/privacy.md has the pseudonym test-vector table");
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
    }

    [Fact]
    public void Doc_Vectors_CoverCasesRespondentsHandlersAndNonAsciiKeysAndReferences()
    {
        var vectors = Vectors();

        Assert.True(vectors.Count >= 7, $"{vectors.Count} vectors");
        Assert.Equal(["case", "handler", "respondent"], vectors.Select(v => v[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(vectors, v => v[1].Any(c => c > 127));
        Assert.Contains(vectors, v => v[2].Any(c => c > 127));
        Assert.All(vectors, v => Assert.Matches("^[0-9a-f]{64}$", v[3]));
    }

    [Fact]
    public async Task Doc_EveryVector_TheSdkSendsThatPseudonym()
    {
        foreach (var vector in Vectors())
        {
            var (what, key, message, expected) = (vector[0], vector[1], vector[2], vector[3]);
            var handler = new RecordingHandler();
            await using var tracker = TestTrackers.Create(handler, o => o.PseudonymKey = key);

            var sent = what switch
            {
                "case" => tracker.Case(message).CaseId,
                "handler" => tracker.Assigned("building-permit-question", "DNR-1", AssignmentUnits.Handler, Unprefixed(message, "handler:"), "manual").UnitId,
                "respondent" => await RespondentSent(tracker, handler, Unprefixed(message, "respondent:")),
                _ => throw new InvalidOperationException($"unknown vector kind '{what}'"),
            };

            Assert.True(expected == sent, $"{what} '{message}' under '{key}': the SDK gives {sent}, the doc says {expected}");
        }
    }

    [Fact]
    public async Task PythonSample_OwnUnitTests_PassIncludingTheDocsVectors()
    {
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = Path.Combine(RepoRoot.Path, "samples", "python"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "unittest", "-v" })
        {
            start.ArgumentList.Add(argument);
        }

        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var report = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await output;

        Assert.True(python.ExitCode == 0, "python3 -m unittest failed:\n" + report);
        Assert.Contains("test_every_vector_of_the_doc", report, StringComparison.Ordinal);
        Assert.Matches(@"Ran ([89]|[1-9]\d+) tests", report);
        Assert.EndsWith("OK", report.TrimEnd(), StringComparison.Ordinal);
    }

    private static string Unprefixed(string message, string prefix)
    {
        Assert.StartsWith(prefix, message, StringComparison.Ordinal);
        return message[prefix.Length..];
    }

    /// <summary>The respondent pseudonym of the staff survey the SDK sends for <paramref name="respondent"/>.</summary>
    private static async Task<string> RespondentSent(CaseTracker tracker, RecordingHandler handler, string respondent)
    {
        tracker.RecordStaffSurvey("permits", "manual", respondent, 4, 3, 2);
        await tracker.FlushWithin();
        return Assert.Single(handler.Stored, e => e.Type == EventTypes.SurveyStaff).Respondent!;
    }
}
