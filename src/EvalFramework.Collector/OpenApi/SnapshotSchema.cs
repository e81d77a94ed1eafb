using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// The component schema <c>Snapshot</c>: a stored snapshot as the API returns it, the bytes the snapshot writer made.
/// The writer is not a serialised type, so its frame is declared here: the fields every snapshot has, with more
/// (design, inference, breakdowns, compliance) where the pilot's config and data give them.
/// </summary>
internal static class SnapshotSchema
{
    public const string Name = "Snapshot";

    public static OpenApiSchema Create() => Object(
        "An immutable snapshot: the period, the methodology and config it was made with, and per case type and arm the metrics with intervals and comparisons. Further fields appear where the config and data give them.",
        ["id", "pilot", "period", "createdAt", "methodology", "dataSha256", "settings", "caseTypes", "pilotMetrics"],
        new()
        {
            ["id"] = String("The snapshot's id."),
            ["pilot"] = String("The pilot's slug."),
            ["period"] = Object("The period the snapshot covers: from inclusive, to exclusive.", ["from", "to"], new()
            {
                ["from"] = String("Start (RFC 3339).", "date-time"),
                ["to"] = String("End (RFC 3339).", "date-time"),
                ["defaultEnd"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Whether `to` was left out and the default end used." },
            }),
            ["createdAt"] = String("When it was made (RFC 3339).", "date-time"),
            ["methodology"] = Object("The methodology version and the evaluation config's hash.", ["version"], new()
            {
                ["version"] = String("Methodology version."),
                ["configSha256"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "SHA-256 of the evaluation config, if any." },
            }),
            ["dataSha256"] = String("SHA-256 of the case rows the snapshot was computed from."),
            ["settings"] = Object("The settings in force: confidence level, minimum sample per arm, k-anonymity, baseline arm, bootstrap replicates.",
                ["confidenceLevel", "minSamplePerArm", "kAnonymity", "bootstrapReplicates"], new()
                {
                    ["confidenceLevel"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                    ["minSamplePerArm"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["kAnonymity"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["baselineArm"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    ["bootstrapReplicates"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["followUpDays"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                }),
            ["caseTypes"] = Array("Per case type: the arms with their metrics, and the comparisons of each arm with the baseline.",
                Object("One case type.", ["caseType", "arms"], new()
                {
                    ["caseType"] = String("The case type's slug."),
                    ["arms"] = Array("The arms and their metrics.", new OpenApiSchema { Type = JsonSchemaType.Object }),
                    ["comparisons"] = Array("Treatment arm against the baseline, per metric.", new OpenApiSchema { Type = JsonSchemaType.Object }),
                })),
            ["pilotMetrics"] = Array("Pilot-wide metrics per arm.", Object("One metric of one arm.", ["metric", "arm"], new()
            {
                ["metric"] = String("The metric's key."),
                ["arm"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The arm; null for a pilot-wide figure over every arm." },
            })),
        });

    private static OpenApiSchema Object(string description, string[] required, Dictionary<string, IOpenApiSchema> properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = new HashSet<string>(required, StringComparer.Ordinal),
        Properties = properties,
    };

    private static OpenApiSchema String(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Description = description, Format = format };

    private static OpenApiSchema Array(string description, IOpenApiSchema items) =>
        new() { Type = JsonSchemaType.Array, Description = description, Items = items };
}
