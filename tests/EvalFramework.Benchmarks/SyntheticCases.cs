using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

using EvalFramework.Testing;

namespace EvalFramework.Benchmarks;

/// <summary>
/// Seeded synthetic cases of pilot <c>demo</c> (two arms, three case types), held in columns so a benchmark measures
/// the snapshot, not the making of its input. Case ids ascend in byte order, as the collector streams them.
/// </summary>
internal sealed class SyntheticCases
{
    public static readonly string[] CaseTypes = ["building-permit-question", "direct-procurement-advice", "social-services-documentation"];
    public static readonly string[] Arms = ["manual", "ai_assisted"];
    public static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public SyntheticCases(int count, int seed = 42)
    {
        Count = count;
        Ids = new string[count];
        Group = new byte[count];
        StartedMs = new long[count];
        LeadMs = new int[count];
        Effort = new float[count];
        Flags = new byte[count];
        var random = new Random(seed);
        var span = (To - From).TotalMilliseconds - (3 * 86_400_000.0);
        for (var i = 0; i < count; i++)
        {
            Ids[i] = "case-" + i.ToString("D9", CultureInfo.InvariantCulture);
            var arm = random.Next(2);
            Group[i] = (byte)((random.Next(3) * 2) + arm);
            StartedMs[i] = From.ToUnixTimeMilliseconds() + (long)(random.NextDouble() * span);
            LeadMs[i] = (int)(-Math.Log(1 - random.NextDouble()) * (arm == 0 ? 7_200_000 : 5_400_000));
            Effort[i] = (float)(60 + (-Math.Log(1 - random.NextDouble()) * (arm == 0 ? 900 : 600)));
            Flags[i] = (byte)random.Next(256);
        }
    }

    public int Count { get; }

    public string[] Ids { get; }

    public byte[] Group { get; }

    public long[] StartedMs { get; }

    public int[] LeadMs { get; }

    public float[] Effort { get; }

    public byte[] Flags { get; }

    public static EvaluationConfig Config()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EvalFramework.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "metrics-config", "evaluation.yaml");
        return ConfigFiles.Load(path, new Dictionary<string, string>()).Config
            ?? throw new InvalidOperationException("the shipped evaluation config did not load: " + path);
    }

    /// <summary>Fills <paramref name="row"/> with case <paramref name="i"/>.</summary>
    public void Fill(int i, CaseRow row)
    {
        row.Clear();
        var flags = Flags[i];
        var ai = (Group[i] & 1) == 1;
        row.CaseId = Ids[i];
        row.CaseType = CaseTypes[Group[i] >> 1];
        row.Arm = Arms[Group[i] & 1];
        row.StartedMs = StartedMs[i];
        row.CompletedMs = (flags & 0x0F) == 0 ? null : StartedMs[i] + LeadMs[i];
        row.Outcome = row.CompletedMs is null ? null : (flags & 0xF0) == 0xF0 ? CaseOutcomes.Abandoned : CaseOutcomes.Resolved;
        row.EffortSeconds = Effort[i];
        row.EffortByRole.Add(new RoleEffort("handlaggare", Effort[i]));
        row.Reviews = (flags & 0x10) != 0 ? 1 : 0;
        row.ReviewsIncorrect = (flags & 0x30) == 0x30 && (flags & 0x40) != 0 ? 1 : 0;
        row.ReviewsConsistencySet = row.Reviews;
        row.ReviewsConsistent = (flags & 0x80) != 0 ? row.Reviews : 0;
        row.Escalations = ai && (flags & 0x07) == 0x07 ? 1 : 0;
        row.IntegrationFailures = (flags & 0x0E) == 0x0E ? 1 : 0;
        if ((flags & 0x20) != 0)
        {
            row.CsatCount = 1;
            row.CsatSum = 1 + (flags % 5);
            row.NpsCount = 1;
            row.NpsPromoters = flags % 11 >= 9 ? 1 : 0;
            row.NpsDetractors = flags % 11 <= 6 ? 1 : 0;
        }

        if (ai)
        {
            row.AiDurationMs = 1500 + (flags * 10);
            row.AiUsage.Add(new ModelUsage("mistral-small-3.1", 2000 + flags, 400 + flags, 0, 0, 0));
        }
    }
}
