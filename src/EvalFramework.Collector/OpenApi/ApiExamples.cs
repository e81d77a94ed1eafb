using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// One example per request body and per main answer, by operation id. The document tests validate each example against
/// the schema it illustrates, so an example cannot drift from the contract unnoticed.
/// </summary>
internal sealed class ApiExamples : IOpenApiOperationTransformer
{
    private const string Pseudonym = "3f1c9a5be2d04c7f8a6b1e0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a3f2e1d0c9";

    private static readonly Dictionary<string, (string? Request, Dictionary<string, string> Responses)> Examples = new(StringComparer.Ordinal)
    {
        ["PostEvents"] = (
            $$"""
            {"events": [
              {"id": "01JE5Q7Z3M8R4T6V9X2B5C7D9F", "type": "case.started", "time": "2026-12-01T09:30:00+01:00", "pilot": "bygglov",
               "caseId": "{{Pseudonym}}", "caseType": "building-permit", "arm": "ai", "channel": "web"},
              {"id": "01JE5Q7Z3M8R4T6V9X2B5C7D9G", "type": "ai.usage", "time": "2026-12-01T09:31:12+01:00", "pilot": "bygglov",
               "caseId": "{{Pseudonym}}", "model": "gpt-4o-mini", "inputTokens": 1200, "outputTokens": 310, "durationMs": 850.5}
            ]}
            """,
            new()
            {
                ["200"] = """{"accepted": 1, "duplicates": 1, "rejected": [{"index": 2, "id": "01JE5Q7Z3M8R4T6V9X2B5C7D9H", "errors": ["caseType: required for case.started"]}]}""",
                ["400"] = """
                    {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "The request was not accepted", "status": 400,
                     "detail": "Every event in the batch was rejected; nothing was stored.",
                     "errors": {"events[0].caseType": ["required for case.started"]},
                     "rejected": [{"index": 0, "id": "01JE5Q7Z3M8R4T6V9X2B5C7D9F", "errors": ["caseType: required for case.started"]}]}
                    """,
            }),
        ["GetCases"] = (null, new()
        {
            ["200"] = $$"""
                {"items": [{"caseId": "{{Pseudonym}}", "caseType": "building-permit", "arm": "ai", "channel": "web",
                  "startedAt": "2026-12-01T08:30:00+00:00", "completedAt": "2026-12-03T14:00:00+00:00", "updatedAt": "2026-12-03T14:00:02+00:00",
                  "leadTimeSeconds": 192600, "outcome": "approved", "effortSeconds": 1260, "effortEvents": 3, "aiCalls": 1, "aiInputTokens": 1200,
                  "aiOutputTokens": 310, "aiDurationMs": 850.5,
                  "aiByModel": [{"model": "gpt-4o-mini", "calls": 1, "inputTokens": 1200, "outputTokens": 310, "durationMs": 850.5,
                    "pricedInputTokens": 1200, "pricedOutputTokens": 310, "costSek": 0.004}]}],
                 "nextCursor": "1842"}
                """,
        }),
        ["Purge"] = ("""{"pilot": "bygglov", "before": "2025-01-01"}""", new()
        {
            ["200"] = """{"pilot": "bygglov", "before": "2025-01-01T00:00:00+00:00", "eventsDeleted": 5120, "casesDeleted": 830}""",
        }),
        ["CreateSnapshot"] = ("""{"pilot": "bygglov", "from": "2026-11-01", "to": "2026-12-01"}""", []),
        ["ListSnapshots"] = (null, new()
        {
            ["200"] = """
                {"snapshots": [{"id": "01JE5R0A1B2C3D4E5F6G7H8J9K", "pilot": "bygglov", "from": "2026-11-01T00:00:00+00:00", "to": "2026-12-01T00:00:00+00:00",
                  "createdAt": "2026-12-02T07:00:00+00:00",
                  "dataSha256": "9b2f4c6d8e0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c",
                  "configSha256": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809",
                  "bodySha256": "c8b6a4f2e0d8c6b4a2f0e8d6c4b2a0f8e6d4c2b0a8f6e4d2c0b8a6f4e2d0c8b6"}]}
                """,
        }),
        ["RegisterPlan"] = ("""{"pilot": "bygglov", "planSha256": "5e8f0a2c4b6d8f1e3a5c7b9d0f2e4a6c8b0d2f4e6a8c0b2d4f6e8a0c2b4d6f8e"}""", []),
        ["GetPlanRegistration"] = (null, new()
        {
            ["200"] = """
                {"pilot": "bygglov", "sha256": "5e8f0a2c4b6d8f1e3a5c7b9d0f2e4a6c8b0d2f4e6a8c0b2d4f6e8a0c2b4d6f8e", "registeredAt": "2026-10-15T08:00:00+00:00",
                 "plan": {"alpha": 0.05, "guardrails": ["error-rate"], "primary": ["lead-time"]}}
                """,
        }),
    };

    /// <summary>Every example by operation id: the request body's (status <c>request</c>) and the answers' (by status).</summary>
    public static IEnumerable<(string OperationId, string Status, JsonNode Example)> All() =>
        from entry in Examples
        from example in (entry.Value.Request is { } request ? [("request", request)] : Array.Empty<(string, string)>())
            .Concat(entry.Value.Responses.Select(r => (r.Key, r.Value)))
        select (entry.Key, example.Item1, JsonNode.Parse(example.Item2)!);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is not { } id || !Examples.TryGetValue(id, out var examples))
        {
            return Task.CompletedTask;
        }

        if (examples.Request is { } request && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = JsonNode.Parse(request);
        }

        foreach (var (status, example) in examples.Responses)
        {
            if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } content)
            {
                foreach (var media in content.Values)
                {
                    media.Example = JsonNode.Parse(example);
                }
            }
        }

        return Task.CompletedTask;
    }
}
