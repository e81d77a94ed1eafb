using EvalFramework.Contract;

namespace EvalFramework.Tests.Support;

/// <summary>One request the <see cref="RecordingHandler"/> received.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri? Uri,
    string? Authorization,
    string? MediaType,
    string Body,
    IReadOnlyList<WireEvent> Events,
    long Timestamp);
