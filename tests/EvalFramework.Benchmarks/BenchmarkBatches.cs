using System.Buffers;
using System.Text.Json;

namespace EvalFramework.Benchmarks;

/// <summary>Request bodies like the SDK's: alternating staff effort and AI usage events, five per case, fresh UUIDv7 ids.</summary>
internal static class BenchmarkBatches
{
    /// <summary>The evaluation config a collector needs to accept these bodies: pilot <c>bench</c> and their values.</summary>
    public const string EvaluationConfig = """
        pilots:
          - slug: bench
            displayName: Benchmark pilot
            caseTypes: [building-permit-question]
            arms:
              - name: manual
                share: 0.5
              - name: ai_assisted
                share: 0.5
            baselineArm: manual
            staffRoles:
              handler:
                hourlyCostSek: 600
            aiModels:
              gpt-4o-mini:
                inputPerMillionSek: 1.6
                outputPerMillionSek: 6.3
                activeParamsBillions: 8
            maintenance:
              hourlyCostSek: 750
            caseIds: any
        """;

    private static long s_sequence;

    public static byte[] Next(int size)
    {
        var buffer = new ArrayBufferWriter<byte>(size * 220);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var time = DateTimeOffset.UtcNow.AddSeconds(-1);
            json.WriteStartObject();
            json.WriteStartArray("events");
            for (var i = 0; i < size; i++)
            {
                var n = Interlocked.Increment(ref s_sequence);
                json.WriteStartObject();
                json.WriteString("id", Guid.CreateVersion7().ToString());
                json.WriteString("time", time);
                json.WriteString("pilot", "bench");
                json.WriteString("caseId", "case-" + (n / 5));
                if (n % 2 == 0)
                {
                    json.WriteString("type", "human.effort");
                    json.WriteString("role", "handler");
                    json.WriteNumber("seconds", 120);
                }
                else
                {
                    json.WriteString("type", "ai.usage");
                    json.WriteString("model", "gpt-4o-mini");
                    json.WriteNumber("inputTokens", 1200);
                    json.WriteNumber("outputTokens", 300);
                    json.WriteNumber("durationMs", 1800);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
