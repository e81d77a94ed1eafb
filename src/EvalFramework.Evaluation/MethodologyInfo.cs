namespace EvalFramework.Evaluation;

/// <summary>What a snapshot records as its <c>methodology</c>: enough to recompute it.</summary>
/// <param name="Version">The methodology version, <see cref="Methodology.Version"/>.</param>
/// <param name="ConfigSha256">SHA-256 (lower-case hex) of the normalised evaluation config.</param>
public sealed record MethodologyInfo(string Version, string ConfigSha256);
