// dotnet run -c Release --project tests/EvalFramework.Benchmarks -- --filter '*IngestParse*' --job short
// BenchmarkDotNet 0.14.0, .NET 10.0.12, 2 vCPU VM (shared), quiet machine. One operation = one event.
// | Method                 | Mean     | Error    | StdDev    | Allocated |
// |----------------------- |---------:|---------:|----------:|----------:|
// | ParseValidateSerialize | 4.083 us | 3.377 us | 0.1851 us |   1.62 KB |

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
        _body = BenchmarkBatches.Next(BatchSize);
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
