using System.Text;
using System.Text.RegularExpressions;
using EvalFramework.EndToEnd.Tests.Infrastructure;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>
/// The README and the pages under docs/ link only to files that exist and to headings that exist in them, the way
/// GitHub makes a heading's anchor (lower case, punctuation dropped, spaces as hyphens, -1, -2 … for repeats).
/// </summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md", Path.Combine("dashboards", "README.md") };
        foreach (var page in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(RepositoryPaths.Root, page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_EveryRelativeLink_ReachesAFileAndHeading(string page)
    {
        var path = Path.Combine(RepositoryPaths.Root, page);
        var broken = new List<string>();
        var links = 0;

        foreach (Match link in Link().Matches(WithoutCodeBlocks(File.ReadAllText(path))))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            links++;
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var targetPath = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!File.Exists(targetPath) && !Directory.Exists(targetPath))
            {
                broken.Add($"{target}: no such file");
            }
            else if (anchor is not null && targetPath.EndsWith(".md", StringComparison.Ordinal) && !Anchors(targetPath).Contains(anchor))
            {
                broken.Add($"{target}: no such heading");
            }
        }

        Assert.True(links > 0 || page.StartsWith("docs", StringComparison.Ordinal), $"{page} links nowhere");
        Assert.Empty(broken);
    }

    [Fact]
    public void Anchors_FollowGitHubsRule()
    {
        var file = Path.Combine(Path.GetTempPath(), $"anchors-{Guid.NewGuid():N}.md");
        File.WriteAllText(file, "# Title\n## `pilots[i].analysisPlan`\n## Staff well-being: k-anonymity\n```\n## not a heading\n```\n## The `/metrics` endpoint\n## Title\n");
        try
        {
            Assert.Equal(["title", "pilotsianalysisplan", "staff-well-being-k-anonymity", "the-metrics-endpoint", "title-1"], Anchors(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The anchors of a Markdown file's headings, in order, outside fenced code blocks.</summary>
    private static List<string> Anchors(string path)
    {
        var anchors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in WithoutCodeBlocks(File.ReadAllText(path)).Split('\n'))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (var c in heading.Groups["text"].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var anchor = slug.ToString();
            var repeats = seen.GetValueOrDefault(anchor);
            seen[anchor] = repeats + 1;
            anchors.Add(repeats == 0 ? anchor : $"{anchor}-{repeats}");
        }

        return anchors;
    }

    private static string WithoutCodeBlocks(string markdown) => CodeBlock().Replace(markdown.ReplaceLineEndings("\n"), string.Empty);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} (?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```.*?^```[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
