using System.Text.Json.Serialization;

namespace EvalFramework.Contract;

/// <summary>Source-generated System.Text.Json metadata for the wire contract (camelCase, nulls omitted, unknown fields refused).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(EventBatch))]
[JsonSerializable(typeof(WireEvent))]
[JsonSerializable(typeof(IngestResponse))]
public sealed partial class ContractJsonContext : JsonSerializerContext;
