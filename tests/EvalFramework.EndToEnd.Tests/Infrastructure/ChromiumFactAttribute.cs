namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fact that needs Debian's <c>chromium</c> (<c>.ci/run</c> installs it). xunit 2 has no skip at run time, so the
/// attribute skips with a clear reason when, and only when, the browser is missing.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null)
        {
            Skip = "chromium not installed: apt-get install -y chromium (.ci/run does this)";
        }
    }
}
