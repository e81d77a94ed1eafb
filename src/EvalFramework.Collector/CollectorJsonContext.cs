using System.Text.Json;
using System.Text.Json.Serialization;
using EvalFramework.Collector.Cases;

namespace EvalFramework.Collector;

/// <summary>Source-generated JSON for the collector's own answers (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CasePage))]
internal sealed partial class CollectorJsonContext : JsonSerializerContext;
