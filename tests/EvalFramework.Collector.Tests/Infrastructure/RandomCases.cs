using System.Text.Json.Nodes;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// Seeded cases with what makes a case record: effort by several roles (fractional seconds), AI usage by several
/// models with and without their own cost, a review, a second start for every fifth case and two completions at the
/// same time; all the events shuffled.
/// </summary>
public static class RandomCases
{
    private static readonly string[] Roles = ["handler", "kommunvagledare", "a-utredare"];
    private static readonly string[] Models = ["gpt-4o-mini", "mistral-small-3.1"];

    public static List<JsonObject> Events(Random random, string prefix, int cases)
    {
        var events = new List<JsonObject>();
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        for (var c = 0; c < cases; c++)
        {
            var id = prefix + c;
            events.Add(Started(id, arm: c % 2 == 0 ? "manual" : "ai_assisted", at: start.AddMinutes(c)));
            if (c % 5 == 0)
            {
                events.Add(Started(id, arm: "ai_assisted", at: start.AddMinutes(c).AddSeconds(30)));
            }

            for (var i = random.Next(4); i > 0; i--)
            {
                events.Add(Effort(id, seconds: random.Next(1, 2000) + 0.25, role: Roles[random.Next(Roles.Length)]));
            }

            for (var i = random.Next(4); i > 0; i--)
            {
                events.Add(AiUsage(id, Models[random.Next(Models.Length)], random.Next(5000), random.Next(900),
                    durationMs: random.Next(3000), costSek: random.Next(3) == 0 ? random.Next(1, 100) / 7.0 : null));
            }

            var review = Base("quality.review", id);
            review["correct"] = random.Next(4) > 0;
            events.Add(review);
            var completed = start.AddMinutes(c).AddSeconds(random.Next(60, 9000));
            events.Add(Completed(id, "resolved", at: completed));
            events.Add(Completed(id, "escalated", at: completed));
        }

        return [.. events.OrderBy(_ => random.Next())];
    }
}
