// dotnet run -c Release --project tests/EvalFramework.Benchmarks -- --filter '*IngestParse*' --job short
// BenchmarkDotNet 0.14.0, .NET 10.0.12, 2 vCPU VM (shared), quiet machine. One operation = one event.
// | Method                 | Mean     | Error    | StdDev    | Allocated |
// |----------------------- |---------:|---------:|----------:|----------:|
// | ParseValidateSerialize | 4.083 us | 3.377 us | 0.1851 us |   1.62 KB |

using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EvalFramework.Collector.Ingest;
using EvalFramework.Contract;

namespace EvalFramework.Benchmarks;

/// <summary>The request-thread half of ingest: read a 100-event body, validate every event, write each one's JSON. One operation = one event.</summary>
[MemoryDiagnoser]
public class IngestParseBenchmarks
{
    private const int BatchSize = 100;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            for (var i = 0; i < BatchSize; i++)
            {
                json.WriteStartObject();
                json.WriteString("id", Guid.CreateVersion7().ToString());
                json.WriteString("time", DateTimeOffset.UtcNow.AddMinutes(-1));
                json.WriteString("pilot", "bench");
                json.WriteString("caseId", "case-" + (i / 5));
                json.WriteString("type", "ai.usage");
                json.WriteString("model", "gpt-4o-mini");
                json.WriteNumber("inputTokens", 1200);
                json.WriteNumber("outputTokens", 300);
                json.WriteNumber("durationMs", 1800);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        _body = buffer.WrittenSpan.ToArray();
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int ParseValidateSerialize()
    {
        var parsed = BatchParser.Parse(_body);
        var now = DateTimeOffset.UtcNow;
        var length = 0;
        foreach (var e in parsed.Events)
        {
            if (EventValidator.Validate(e!, now) is null)
            {
                length += JsonSerializer.Serialize(e!, ContractJsonContext.Default.WireEvent).Length;
            }
        }

        return length;
    }
}
