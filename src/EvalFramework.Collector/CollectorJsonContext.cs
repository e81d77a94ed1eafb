using System.Text.Json;
using System.Text.Json.Serialization;
using EvalFramework.Collector.Cases;
using EvalFramework.Collector.Plans;
using EvalFramework.Collector.Privacy.Retention;
using EvalFramework.Collector.Snapshots;

namespace EvalFramework.Collector;

/// <summary>Source-generated JSON for the collector's own answers (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CasePage))]
[JsonSerializable(typeof(PurgeResult))]
[JsonSerializable(typeof(PurgeRequest))]
[JsonSerializable(typeof(SnapshotList))]
[JsonSerializable(typeof(CreateSnapshotBody))]
[JsonSerializable(typeof(SnapshotCreated))]
[JsonSerializable(typeof(RegisterPlanBody))]
[JsonSerializable(typeof(PlanRegistration))]
internal sealed partial class CollectorJsonContext : JsonSerializerContext;
