namespace EvalFramework.Collector.Auth;

/// <summary>
/// Endpoint metadata: people open this endpoint in a browser, so its 401 also offers HTTP Basic (the browser then
/// asks for the key as a password). API endpoints challenge for Bearer only.
/// </summary>
internal sealed class BrowserLoginMetadata;
