using System.Diagnostics;
using EvalFramework.Contract;
using Microsoft.Extensions.AI;

namespace EvalFramework.Samples;

// README: instrument-a-service (begin)
/// <summary>Answers a citizen's building-permit question, with or without the AI assistant, and records the case.</summary>
public sealed class PermitQuestionDesk(CaseTracker tracker, IChatClient assistant)
{
    public async Task<string> AnswerAsync(string reference, string question, bool withAi, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();

        // 1. Open the case; only an HMAC pseudonym of the reference leaves the process.
        using var tracked = tracker.StartCase("building-permit-question", withAi ? "ai_assisted" : "manual", reference, channel: "e-service");

        // 2. Work on it. The assistant's model, tokens and duration are recorded as ai.usage on this case
        //    by the UseCaseTracking() middleware: no line per call.
        var answer = withAi
            ? (await assistant.GetResponseAsync(question, cancellationToken: cancellationToken)).Text
            : "A case officer will answer within two working days.";
        tracked.RecordEffort("kommunvagledare", Stopwatch.GetElapsedTime(started));

        // 3. Close it. (Disposing a case that was never completed records it as abandoned.)
        tracked.Complete(CaseOutcomes.Resolved);
        return answer;
    }
}
// README: instrument-a-service (end)
