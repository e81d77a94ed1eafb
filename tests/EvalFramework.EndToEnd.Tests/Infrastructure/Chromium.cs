using Microsoft.Playwright;

namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Microsoft.Playwright through its executable path: Playwright never downloads a
/// browser here, and the flags keep a headless browser from reaching any network (the machine has none) or sandboxing
/// in a container. Playwright gives each launch a fresh temporary profile.
/// </summary>
public static class Chromium
{
    /// <summary>The browser: <c>EVALFW_CHROMIUM</c> when set, else <c>chromium</c> on PATH (Debian: /usr/bin/chromium), else null.</summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("EVALFW_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)
        ? configured
        : PrometheusServer.Executable("chromium");

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = Executable,
        Headless = true,
        ChromiumSandbox = false,
        Args =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        ],
        Timeout = 60_000,
    };

    /// <summary>Where screenshots and PDFs go: <c>EVALFW_ARTIFACTS</c> when set, else <c>artifacts/</c> beside the test binaries.</summary>
    public static string ArtifactsDirectory(string name)
    {
        var root = Environment.GetEnvironmentVariable("EVALFW_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        return Directory.CreateDirectory(Path.Combine(root, name)).FullName;
    }
}
